import type { Redis } from 'ioredis';
import { FixedWindowCounter } from './fixed-window-counter';

import type { WindowCount, WindowCounter } from './window-counter.port';

export type { WindowCount } from './window-counter.port';

/** DECR only a live window: a window that expired meanwhile must not come back at -1 without expiry. */
const RELEASE_SCRIPT = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

/**
 * How long a Redis answer may take before the in-memory counter decides instead: only a hung
 * Redis gets here (a refused connection fails at once). Generous, because on a busy machine a
 * slow answer counted in memory splits the count between Redis and this process, and parallel
 * attempts then get past the limit (with 250 ms, a full test run at a load average of 19 once
 * let 11 of 40 parallel wrong passwords through, most likely so).
 */
const REDIS_TIMEOUT_MS = 2_000;

/**
 * Fixed-window counters shared by every process through Redis (INCR, then EXPIRE NX so the window
 * starts at the first hit), with counters in this process standing in while Redis does not answer.
 */
export class SharedWindowCounter implements WindowCounter {
  private readonly memory = new FixedWindowCounter();
  private usingMemory = false;

  constructor(
    private readonly redis: Redis,
    private readonly onFallback: (usingMemory: boolean) => void = () => undefined,
  ) {}

  /** Counts a hit on `key`; answers the count in its window and the time until the window resets. */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    try {
      const result = await withTimeout(
        this.redis.multi().incr(key).expire(key, windowSeconds, 'NX').pttl(key).exec(),
        REDIS_TIMEOUT_MS,
      );
      return this.fromRedis(result?.[0]?.[1], result?.[2]?.[1], windowSeconds);
    } catch {
      this.fellBack(true);
      return this.memory.hit(key, windowSeconds * 1000, Date.now());
    }
  }

  /** Takes back one hit on `key` (an attempt counted ahead that turned out not to count). */
  async release(key: string): Promise<void> {
    try {
      await withTimeout(this.redis.eval(RELEASE_SCRIPT, 1, key), REDIS_TIMEOUT_MS);
    } catch {
      this.memory.release(key, Date.now());
    }
  }

  /** The count in `key`'s current window, counting nothing. */
  async peek(key: string, windowSeconds: number): Promise<WindowCount> {
    try {
      const result = await withTimeout(this.redis.multi().get(key).pttl(key).exec(), REDIS_TIMEOUT_MS);
      return this.fromRedis(result?.[0]?.[1] ?? 0, result?.[1]?.[1], windowSeconds);
    } catch {
      this.fellBack(true);
      return this.memory.peek(key, Date.now());
    }
  }

  private fromRedis(rawCount: unknown, rawTtl: unknown, windowSeconds: number): WindowCount {
    const count = Number(rawCount);
    const ttl = Number(rawTtl);
    if (!Number.isFinite(count)) throw new Error('unexpected Redis answer');
    this.fellBack(false);
    return { count, resetInMs: ttl > 0 ? ttl : windowSeconds * 1000 };
  }

  private fellBack(usingMemory: boolean): void {
    if (usingMemory !== this.usingMemory) this.onFallback(usingMemory);
    this.usingMemory = usingMemory;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
