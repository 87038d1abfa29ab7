/**
 * What the write path tells whoever counts it (the runtime wires Prometheus counters to it). Plain
 * callbacks, so libs/commands stays free of any metrics library. `stream` is the stream's category
 * (the name up to its first `-`: `portal`, `record`, `portalUser`…), a set the code bounds.
 */
export interface CommandObserver {
  /** A command decided and appended (or found nothing to do). */
  handled(stream: string): void;
  /** A command refused: a domain rule's code, or `precondition_failed` for a stale If-Match. */
  refused(stream: string, code: string): void;
  /** Another writer appended between the read and the append (WrongExpectedRevision). */
  conflicted(stream: string): void;
  /** A command decided again after a conflict. */
  retried(stream: string): void;
}

export const NO_COMMAND_OBSERVER: CommandObserver = {
  handled: () => undefined,
  refused: () => undefined,
  conflicted: () => undefined,
  retried: () => undefined,
};

/** `record-Case-123` → `record`: the category, never the id (an unbounded label). */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
