import { OpenedValuesCache } from './opened-values-cache';

describe('OpenedValuesCache', () => {
  it('answers only for the owner a list was opened for', () => {
    const cache = new OpenedValuesCache(10, 1_000);
    cache.set('person:ann', 'sealed-1', ['Ann']);
    expect(cache.get('person:ann', 'sealed-1')).toEqual(['Ann']);
    expect(cache.get('person:bob', 'sealed-1')).toBeUndefined();
    expect(cache.get('person:ann', 'sealed-2')).toBeUndefined();
  });

  it('answers only for the very text it was given, not another ending alike (as a GCM tag would)', () => {
    const cache = new OpenedValuesCache(10, 1_000);
    cache.set('o', 'first-same-tag', ['1']);
    expect(cache.get('o', 'other-same-tag')).toBeUndefined();
    cache.set('o', 'other-same-tag', ['2']);
    expect([cache.get('o', 'first-same-tag'), cache.get('o', 'other-same-tag')]).toEqual([undefined, ['2']]);
    expect(cache.size).toBe(1);
  });

  it('keeps at most maxEntries lists, the first opened going first (a hit moves nothing)', () => {
    const cache = new OpenedValuesCache(2, 1_000);
    cache.set('o', 'a', ['1']);
    cache.set('o', 'b', ['2']);
    cache.get('o', 'a');
    cache.set('o', 'c', ['3']);
    expect([cache.get('o', 'a'), cache.get('o', 'b'), cache.get('o', 'c')]).toEqual([
      undefined,
      ['2'],
      ['3'],
    ]);
  });

  it('keeps at most maxChars characters (values and sealed texts), and never a list larger than that', () => {
    const cache = new OpenedValuesCache(100, 20);
    cache.set('o', 'aaaa', ['x'.repeat(6)]); // 10
    cache.set('o', 'bbbb', ['y'.repeat(6)]); // 20
    cache.set('o', 'cccc', ['z'.repeat(6)]); // evicts aaaa
    expect(cache.size).toBe(2);
    expect(cache.get('o', 'aaaa')).toBeUndefined();
    cache.set('o', 'dddd', ['w'.repeat(30)]);
    expect(cache.get('o', 'dddd')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("forgets an owner's lists with those of its sub-keys, and nobody else's", () => {
    const cache = new OpenedValuesCache(10, 1_000);
    cache.set('portalUser:u1', 'a', ['name']);
    cache.set('portalUser:u1/signIns:2026-12-01', 'b', ['ip']);
    cache.set('portalUser:u10', 'c', ['other']);
    cache.forget(['portalUser:u1']);
    expect([cache.get('portalUser:u1', 'a'), cache.get('portalUser:u1/signIns:2026-12-01', 'b')]).toEqual([
      undefined,
      undefined,
    ]);
    expect(cache.get('portalUser:u10', 'c')).toEqual(['other']);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
