export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Fixed-window attempt counters, keyed by a hash of the subject. */
export interface WindowCounter {
  /** Counts a hit on `key`; answers the count in its window and the time until the window resets. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;
  /** Takes back one hit on `key` (an attempt counted ahead that turned out not to count). */
  release(key: string): Promise<void>;
}
