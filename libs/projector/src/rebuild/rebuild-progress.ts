/** How far a replay into a new generation is. Positions, because the head is known as one. */
export interface RebuildProgress {
  generation: number;
  /** Events applied so far. */
  events: number;
  /** Checkpoint reached and the head the replay aims at (the head moves on; the replay follows). */
  checkpoint: number;
  head: number;
  /** 0..1, by position. */
  fraction: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  elapsedSeconds: number;
}

/** Turns batch callbacks into RebuildProgress (rate and ETA from the time since the start). */
export class ProgressMeter {
  private events = 0;
  private readonly startedAt: number;

  constructor(
    private readonly generation: number,
    private readonly from: number,
    private readonly head: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  advance(checkpoint: number, events: number): RebuildProgress {
    this.events += events;
    return this.at(checkpoint);
  }

  at(checkpoint: number): RebuildProgress {
    const elapsedSeconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    const span = Math.max(1, this.head - this.from);
    const fraction = Math.min(1, Math.max(0, (checkpoint - this.from) / span));
    const positionsPerSecond = (checkpoint - this.from) / elapsedSeconds;
    const remaining = Math.max(0, this.head - checkpoint);
    return {
      generation: this.generation,
      events: this.events,
      checkpoint,
      head: Math.max(this.head, checkpoint),
      fraction,
      eventsPerSecond: this.events / elapsedSeconds,
      etaSeconds: positionsPerSecond > 0 ? remaining / positionsPerSecond : null,
      elapsedSeconds,
    };
  }
}
