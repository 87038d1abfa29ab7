export interface CheckpointSource {
  read(): Promise<number | undefined>;
  /**
   * A push wake-up (LISTEN/NOTIFY); optional because polling alone is correct, only slower.
   * `reached`: the checkpoint a committed advance reached, when the wake-up says it (then no read
   * is needed to know it).
   */
  subscribe?(onWake: (reached?: number) => void): Promise<() => Promise<void>>;
}

/**
 * How soon a wait that started from the caller's own read of the checkpoint (`seen`) reads it
 * itself when no wake-up came: what an advance made between that read and the wait's subscription
 * (whose wake-up it missed) costs at most, instead of a poll interval.
 */
export const SEEN_RECHECK_MS = 10;

/**
 * Resolves true once the checkpoint read from `source` is ≥ position, false after timeoutMs or
 * when `stop` aborts. Re-reads on every wake-up and at least every pollIntervalMs, so a missed or
 * lost notification (another process, a dropped LISTEN connection) only costs latency.
 * `seen`: the checkpoint as the caller read it just before (the portal guard's session statement
 * reads it with the session): the wait starts from it instead of reading it again, and reads it
 * itself only when no wake-up ended it within SEEN_RECHECK_MS.
 */
export async function waitForCheckpointOf(
  source: CheckpointSource,
  position: number,
  timeoutMs: number,
  pollIntervalMs: number,
  stop: AbortSignal,
  seen?: number,
): Promise<boolean> {
  const deadline = Date.now() + Math.max(0, timeoutMs);
  let woken = false;
  /** The highest checkpoint a wake-up said was committed: past the position, no read is needed. */
  let announced = -Infinity;
  let wake = (): void => {
    woken = true;
  };
  const onWake = (reached?: number): void => {
    if (reached !== undefined && reached > announced) announced = reached;
    wake();
  };
  const onAbort = (): void => wake();
  stop.addEventListener('abort', onAbort);
  // Subscribe before the first read, so an advance between the two cannot be missed.
  const unsubscribe = source.subscribe ? await source.subscribe(onWake).catch(() => undefined) : undefined;
  let fromCaller = seen;
  try {
    for (;;) {
      if (stop.aborted) return false;
      if (announced >= position) return true;
      woken = false;
      const current = fromCaller ?? (await source.read());
      const interval = fromCaller === undefined ? pollIntervalMs : Math.min(pollIntervalMs, SEEN_RECHECK_MS);
      fromCaller = undefined;
      if (current !== undefined && current >= position) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0 || stop.aborted) return false;
      if (woken) continue;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          wake = () => {
            woken = true;
          };
          resolve();
        };
        const timer = setTimeout(done, Math.min(interval, remaining));
        wake = done;
      });
    }
  } finally {
    stop.removeEventListener('abort', onAbort);
    await unsubscribe?.().catch(() => undefined);
  }
}

/**
 * The checkpoint waits of one read store: they share its poll interval, and all of them end,
 * false, once the store stops them on close.
 */
export class CheckpointWaits {
  private readonly closing = new AbortController();

  constructor(private readonly pollIntervalMs = 50) {}

  wait(source: CheckpointSource, position: number, timeoutMs: number, seen?: number): Promise<boolean> {
    return waitForCheckpointOf(source, position, timeoutMs, this.pollIntervalMs, this.closing.signal, seen);
  }

  stop(): void {
    this.closing.abort();
  }
}
