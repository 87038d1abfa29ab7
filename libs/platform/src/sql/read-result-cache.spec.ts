import { ReadResultCache } from './read-result-cache';

type Result = { rows: unknown[]; rowCount: number };

const result = (...rows: unknown[]): Result => ({ rows, rowCount: rows.length });

describe('ReadResultCache', () => {
  it('answers a kept result by text and parameters, frozen all through', () => {
    const cache = new ReadResultCache<Result>();
    const key = cache.keyOf('SELECT $1', ['a', [1, 2]])!;
    const kept = cache.keep(key, cache.current, result({ doc: { tags: ['x'] } }));
    expect(cache.get(key)).toBe(kept);
    expect(cache.get(cache.keyOf('SELECT $1', ['b', [1, 2]])!)).toBeUndefined();
    expect(cache.get(cache.keyOf('SELECT $2', ['a', [1, 2]])!)).toBeUndefined();
    const row = kept.rows[0] as { doc: { tags: string[] } };
    expect(() => row.doc.tags.push('y')).toThrow(TypeError);
    expect(() => kept.rows.pop()).toThrow(TypeError);
  });

  it('keeps nothing read while the generation moved, and forgets all when it moves', () => {
    const cache = new ReadResultCache<Result>();
    const key = cache.keyOf('SELECT 1', [])!;
    const startedAt = cache.current;
    cache.invalidate();
    cache.keep(key, startedAt, result({ n: 1 }));
    expect(cache.get(key)).toBeUndefined();
    cache.keep(key, cache.current, result({ n: 2 }));
    expect(cache.get(key)?.rows).toEqual([{ n: 2 }]);
    cache.invalidate();
    expect(cache.get(key)).toBeUndefined();
    expect(cache.stats).toEqual({ entries: 0, size: 0 });
  });

  it('keys no parameter whose text on the wire its JSON does not tell (dates, bytes, objects)', () => {
    const cache = new ReadResultCache<Result>();
    expect(cache.keyOf('SELECT $1', [new Date(0)])).toBeUndefined();
    expect(cache.keyOf('SELECT $1', [Buffer.from('a')])).toBeUndefined();
    expect(cache.keyOf('SELECT $1', [{ a: 1 }])).toBeUndefined();
    expect(cache.keyOf('SELECT $1', [[undefined]])).toBeUndefined();
    expect(cache.keyOf('SELECT $1', [Number.NaN])).toBeUndefined();
    expect(cache.keyOf('SELECT $1', [null, true, 1.5, ['a']])).toBeDefined();
  });

  it('keeps no result holding a date or bytes, and leaves it unfrozen', () => {
    const cache = new ReadResultCache<Result>();
    const key = cache.keyOf('SELECT 1', [])!;
    const withDate = result({ doc: { n: 1 }, at: new Date(0) });
    cache.keep(key, cache.current, withDate);
    expect(cache.get(key)).toBeUndefined();
    expect(Object.isFrozen(withDate.rows[0])).toBe(false);
  });

  it('lets the least recently used go beyond its entries and size, and keeps no result too large', () => {
    const cache = new ReadResultCache<Result>({ entries: 2, size: 800 });
    const keys = ['a', 'b', 'c'].map((k) => cache.keyOf(`SELECT '${k}'`, [])!);
    cache.keep(keys[0], cache.current, result('a'));
    cache.keep(keys[1], cache.current, result('b'));
    cache.get(keys[0]);
    cache.keep(keys[2], cache.current, result('c'));
    expect(cache.get(keys[1])).toBeUndefined();
    expect(cache.get(keys[0])?.rows).toEqual(['a']);
    expect(cache.get(keys[2])?.rows).toEqual(['c']);
    const large = cache.keyOf('SELECT large', [])!;
    cache.keep(large, cache.current, result('x'.repeat(100)));
    expect(cache.get(large)).toBeUndefined();
    const bySize = new ReadResultCache<Result>({ entries: 100, size: 800 });
    const sized = Array.from({ length: 20 }, (_, i) => bySize.keyOf(`SELECT ${i}`, [])!);
    for (const key of sized) bySize.keep(key, bySize.current, result('y'.repeat(40)));
    expect(bySize.stats.size).toBeLessThanOrEqual(800);
    expect(bySize.get(sized[19])).toBeDefined();
    expect(bySize.get(sized[0])).toBeUndefined();
  });
});
