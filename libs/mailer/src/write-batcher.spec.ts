import { EventLoopTurns } from './event-loop-turns';
import { WriteBatcher } from './write-batcher';

describe('WriteBatcher', () => {
  function recording(options: { maxItems: number; maxDelayMs: number; fail?: (item: number) => boolean }) {
    const batches: number[][] = [];
    let release: (() => void) | undefined;
    let hold = false;
    const batcher = new WriteBatcher<number>({
      ...options,
      write: async (items) => {
        batches.push(items);
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return items.map((i) => (options.fail?.(i) ? new Error(`item ${i} failed`) : undefined));
      },
    });
    return {
      batcher,
      batches,
      hold: () => (hold = true),
      release: () => {
        hold = false;
        release?.();
      },
    };
  }

  it('writes what arrives within the delay as one batch, and a full batch at once', async () => {
    const { batcher, batches } = recording({ maxItems: 3, maxDelayMs: 20 });
    const first = [batcher.add(1), batcher.add(2), batcher.add(3)];
    expect(batches).toEqual([[1, 2, 3]]);
    await Promise.all(first);
    const late = [batcher.add(4), batcher.add(5)];
    expect(batches).toHaveLength(1);
    await Promise.all(late);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('writes one batch at a time: what arrives meanwhile waits and goes together', async () => {
    const w = recording({ maxItems: 2, maxDelayMs: 1 });
    w.hold();
    const a = [w.batcher.add(1), w.batcher.add(2)];
    const b = [3, 4, 5].map((i) => w.batcher.add(i));
    let bDone = false;
    void Promise.all(b).then(() => (bDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(w.batches).toEqual([[1, 2]]);
    expect(bDone).toBe(false);
    w.release();
    await Promise.all([...a, ...b]);
    expect(w.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('settles each add with its own item: one failed item fails only its caller', async () => {
    const { batcher } = recording({ maxItems: 10, maxDelayMs: 1, fail: (i) => i === 2 });
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2), batcher.add(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every add of a batch whose write throws', async () => {
    const batcher = new WriteBatcher<number>({
      maxItems: 10,
      maxDelayMs: 1,
      write: () => Promise.reject(new Error('store down')),
    });
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drain() writes what is buffered without waiting for the delay', async () => {
    const { batcher, batches } = recording({ maxItems: 10, maxDelayMs: 60_000 });
    const added = batcher.add(7);
    await batcher.drain();
    await added;
    expect(batches).toEqual([[7]]);
  });
});

describe('EventLoopTurns', () => {
  it('gives the loop back once a chain of work has held it for its slice', async () => {
    const turns = new EventLoopTurns(5);
    let ticked = false;
    setImmediate(() => (ticked = true));
    // Promise-only work never lets setImmediate run by itself; take() must.
    const until = performance.now() + 200;
    while (!ticked && performance.now() < until) await turns.take();
    expect(ticked).toBe(true);
  });
});
