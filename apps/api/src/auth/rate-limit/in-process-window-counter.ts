import { FixedWindowCounter } from './fixed-window-counter';
import type { WindowCount, WindowCounter } from './window-counter.port';

/** Counters of this process alone: the service without Redis (REDIS_URL unset) runs one API process. */
export class InProcessWindowCounter implements WindowCounter {
  private readonly memory = new FixedWindowCounter();

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    return Promise.resolve(this.memory.hit(key, windowSeconds * 1000, Date.now()));
  }

  release(key: string): Promise<void> {
    this.memory.release(key, Date.now());
    return Promise.resolve();
  }
}
