type OnReached = (reached: number) => void;

/**
 * The checkpoints this process's own commits reached, told to its waits at once. The projector
 * usually runs in the process that serves the reads waiting for it: a wait then learns of the
 * commit when the commit's statement returns, not a notification's trip through the database (on
 * Postgres another connection and its socket) later. Only for checkpoints committed: `announce` is
 * called after the transaction that moved the checkpoint committed, never before, so a wait it ends
 * finds the documents of that checkpoint on its next read. The notifications stay, for the waits of
 * every other process (and they still arrive here, a wake-up too many, which costs nothing).
 */
export class CheckpointAnnouncements {
  private readonly waiting = new Map<string, Set<OnReached>>();

  announce(projection: string, reached: number): void {
    for (const onReached of this.waiting.get(projection) ?? []) onReached(reached);
  }

  /** Calls `onReached` with every checkpoint of `projection` announced until the returned function is called. */
  listen(projection: string, onReached: OnReached): () => void {
    const set = this.waiting.get(projection) ?? new Set<OnReached>();
    this.waiting.set(projection, set);
    set.add(onReached);
    return () => {
      set.delete(onReached);
      if (set.size === 0 && this.waiting.get(projection) === set) this.waiting.delete(projection);
    };
  }
}
