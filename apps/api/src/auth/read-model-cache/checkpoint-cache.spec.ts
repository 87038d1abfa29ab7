import { CheckpointCache, deepFrozen, recordsVersionOf } from './checkpoint-cache';

describe('CheckpointCache', () => {
  const at = (checkpoint: number, projection = 'projector_g1') => ({ projection, checkpoint });

  it('answers a value only to a request that finds the read models at the same checkpoint', () => {
    const cache = new CheckpointCache<string>();
    cache.set('k', 'built at 7', at(7));
    expect(cache.get('k', at(7))).toBe('built at 7');
    expect(cache.get('k', at(8))).toBeUndefined();
    expect(cache.get('k', at(7, 'projector_g2'))).toBeUndefined();
    expect(cache.get('other', at(7))).toBeUndefined();
  });

  it('keeps nothing and answers nothing without a checkpoint (no projector run yet)', () => {
    const cache = new CheckpointCache<string>();
    cache.set('k', 'v', undefined);
    expect(cache.get('k', at(0))).toBeUndefined();
    cache.set('k', 'v', at(0));
    expect(cache.get('k', undefined)).toBeUndefined();
  });

  it('replaces a value built at an older checkpoint', () => {
    const cache = new CheckpointCache<string>();
    cache.set('k', 'old', at(1));
    cache.set('k', 'new', at(2));
    expect(cache.get('k', at(2))).toBe('new');
    expect(cache.get('k', at(1))).toBeUndefined();
  });
});

describe('CheckpointCache: versions and bounds', () => {
  const at = (checkpoint: number, marks: { accessMarks?: string; recordsMarks?: string } = {}) => ({
    projection: 'projector_g1',
    checkpoint,
    ...marks,
  });

  it('keys on the marks its versionOf names, and on the checkpoint where they are unknown', () => {
    const records = new CheckpointCache<string>({ versionOf: recordsVersionOf });
    records.set('k', 'v', at(5, { recordsMarks: '1:4', accessMarks: '1:2:3:4' }));
    expect(records.get('k', at(9, { recordsMarks: '1:4', accessMarks: '1:9:9:9' }))).toBe('v');
    expect(records.get('k', at(9, { recordsMarks: '1:9', accessMarks: '1:2:3:4' }))).toBeUndefined();
    records.set('k', 'v', at(5));
    expect(records.get('k', at(5))).toBe('v');
    expect(records.get('k', at(6))).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest first', () => {
    const cache = new CheckpointCache<string>({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) cache.set(key, key, at(1));
    expect(cache.get('a', at(1))).toBeUndefined();
    expect(cache.get('b', at(1))).toBe('b');
    expect(cache.get('c', at(1))).toBe('c');
  });

  it('keeps the summed sizes within maxSize, and no value larger than it', () => {
    const cache = new CheckpointCache<string>({ maxSize: 10, sizeOf: (value) => value.length });
    cache.set('a', 'aaaa', at(1));
    cache.set('b', 'bbbb', at(1));
    cache.set('a', 'aaaaa', at(1));
    expect(cache.get('b', at(1))).toBe('bbbb');
    cache.set('c', 'cccc', at(1));
    expect(cache.get('b', at(1))).toBeUndefined();
    expect(cache.get('a', at(1))).toBe('aaaaa');
    cache.set('d', 'd'.repeat(11), at(1));
    expect(cache.get('d', at(1))).toBeUndefined();
    expect(cache.get('c', at(1))).toBe('cccc');
  });
});

describe('deepFrozen', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFrozen({ a: { b: [1, { c: 2 }] } });
    expect(() => {
      (value.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
    expect(() => (value.a.b as number[]).push(4)).toThrow(TypeError);
  });
});
