import { CheckpointCache, deepFrozen } from './checkpoint-cache';

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

describe('deepFrozen', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFrozen({ a: { b: [1, { c: 2 }] } });
    expect(() => {
      (value.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
    expect(() => (value.a.b as number[]).push(4)).toThrow(TypeError);
  });
});
