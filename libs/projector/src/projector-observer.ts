/**
 * What the projector tells whoever counts it (the runtime wires Prometheus to it), so the
 * projector itself stays free of any metrics library.
 */
export interface ProjectorObserver {
  /**
   * A batch of `events` events committed: `live` to the generation being followed, `rebuild` to
   * the fresh generation a blue-green rebuild replays the history into.
   */
  batchApplied(events: number, work: ProjectorWork): void;
}

export type ProjectorWork = 'live' | 'rebuild';
