/** Counts hits per key in fixed windows, in this process: the fallback while Redis is away. Pure apart from its map. */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Counts one hit at `now` (ms); answers the count in the window and the ms until it resets. */
  hit(key: string, windowMs: number, now: number): { count: number; resetInMs: number } {
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  /** Takes back one hit of the key's current window (an attempt that turned out not to count). */
  release(key: string, now: number): void {
    const window = this.windows.get(key);
    if (window !== undefined && window.resetAt > now && window.count > 0) window.count -= 1;
  }

  /** The count in the key's current window at `now` (ms), without counting a hit. */
  peek(key: string, now: number): { count: number; resetInMs: number } {
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) return { count: 0, resetInMs: 0 };
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest rather than grow without bound.
    while (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
  }
}
