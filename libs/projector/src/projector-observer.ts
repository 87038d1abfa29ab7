/**
 * What the live projector tells whoever counts it (the runtime wires Prometheus to it), so the
 * projector itself stays free of any metrics library.
 */
export interface ProjectorObserver {
  /** A batch of `events` events committed to the generation being followed. */
  batchApplied(events: number): void;
}
