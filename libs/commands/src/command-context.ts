import { randomUUID } from 'node:crypto';
import type { Actor } from '@portal/domain';

/**
 * What one command carries besides its data: who acts, the ids that tie its events together, the
 * time it was decided, and (filled by the repository) the positions its appends reached, which the
 * API answers as X-Consistency-Token.
 */
export class CommandContext {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly now: string;
  private appendedPosition: number | undefined;
  private readonly eventCounts = new Map<string, number>();

  constructor(
    readonly actor: Actor,
    options: { commandId?: string; correlationId?: string; causationId?: string | null; now?: Date } = {},
  ) {
    this.commandId = options.commandId ?? randomUUID();
    this.correlationId = options.correlationId ?? this.commandId;
    this.causationId = options.causationId ?? this.commandId;
    this.now = (options.now ?? new Date()).toISOString();
  }

  /** A running index per stream, so two appends of one command to one stream get distinct event ids. */
  nextEventIndex(stream: string): number {
    const next = this.eventCounts.get(stream) ?? 0;
    this.eventCounts.set(stream, next + 1);
    return next;
  }

  /**
   * The index `nextEventIndex` will hand out next for this stream, without taking it: with
   * `eventId(commandId, stream, index)` it names the id the next event appended to that stream by
   * this command will get, for a token derived from an event's own id (EmailChangeRequested).
   */
  peekEventIndex(stream: string): number {
    return this.eventCounts.get(stream) ?? 0;
  }

  recordPosition(position: number): void {
    this.appendedPosition = Math.max(this.appendedPosition ?? -1, position);
  }

  /** Global position of the last event this command appended; undefined when it appended nothing. */
  get position(): number | undefined {
    return this.appendedPosition;
  }
}
