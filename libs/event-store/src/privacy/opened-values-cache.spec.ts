import { keptBytes, OpenedValuesCache } from './opened-values-cache';

describe('OpenedValuesCache', () => {
  it('answers only for the owner a list was opened for', () => {
    const cache = new OpenedValuesCache(10_000);
    cache.set('person:ann', 'sealed-1', ['Ann']);
    expect(cache.get('person:ann', 'sealed-1')).toEqual(['Ann']);
    expect(cache.get('person:bob', 'sealed-1')).toBeUndefined();
    expect(cache.get('person:ann', 'sealed-2')).toBeUndefined();
  });

  it('answers only for the very text it was given, not another ending alike (as a GCM tag would)', () => {
    const cache = new OpenedValuesCache(10_000);
    cache.set('o', 'first-same-tag', ['1']);
    expect(cache.get('o', 'other-same-tag')).toBeUndefined();
    cache.set('o', 'other-same-tag', ['2']);
    expect([cache.get('o', 'first-same-tag'), cache.get('o', 'other-same-tag')]).toEqual([undefined, ['2']]);
    expect(cache.size).toBe(1);
  });

  it('keeps at most maxBytes of lists, the first kept going first (a hit moves nothing)', () => {
    const each = keptBytes('aaaa', ['x'.repeat(6)]);
    const cache = new OpenedValuesCache(2 * each);
    cache.set('o', 'aaaa', ['x'.repeat(6)]);
    cache.set('o', 'bbbb', ['y'.repeat(6)]);
    cache.get('o', 'aaaa');
    cache.set('o', 'cccc', ['z'.repeat(6)]);
    expect([cache.get('o', 'aaaa'), cache.get('o', 'bbbb'), cache.get('o', 'cccc')]).toEqual([
      undefined,
      ['y'.repeat(6)],
      ['z'.repeat(6)],
    ]);
    expect(cache.keptByteCount).toBe(2 * each);
    // Larger than the whole budget: not kept, and nothing evicted for it.
    cache.set('o', 'dddd', ['w'.repeat(2 * each)]);
    expect(cache.get('o', 'dddd')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('evicts in the order kept once lists were replaced or forgotten, and keeps evicting past them', () => {
    const each = keptBytes('sx0000', ['v']);
    const cache = new OpenedValuesCache(3 * each);
    cache.set('a', 'sx0000', ['v']);
    cache.set('b', 'sx0001', ['v']);
    cache.set('c', 'sx0002', ['v']);
    cache.forget(['a']);
    // Same look-up key as sx0001 (its last six characters): replaces it, kept last now.
    cache.set('b', 'y-sx0001', ['w']);
    cache.set('d', 'sx0003', ['v']);
    expect(cache.size).toBe(3);
    expect(cache.get('b', 'sx0001')).toBeUndefined();
    cache.set('e', 'sx0004', ['v']);
    // c, the oldest still kept, went; the forgotten and the replaced ones were passed over.
    expect([cache.get('c', 'sx0002'), cache.get('b', 'y-sx0001'), cache.get('d', 'sx0003')]).toEqual([
      undefined,
      ['w'],
      ['v'],
    ]);
    // Thousands of sets through a small cache: always the oldest goes, the newest three stay.
    for (let i = 0; i < 5_000; i += 1) cache.set('o', `tx${String(i).padStart(4, '0')}`, ['v']);
    expect(cache.size).toBe(3);
    expect(['tx4997', 'tx4998', 'tx4999', 'tx4996'].map((s) => cache.get('o', s))).toEqual([
      ['v'],
      ['v'],
      ['v'],
      undefined,
    ]);
    expect(cache.keptByteCount).toBe(3 * each);
  });

  it('makes room for a large list by evicting as many small ones as it takes', () => {
    const small = keptBytes('s000', ['v']);
    const cache = new OpenedValuesCache(10 * small);
    for (let i = 0; i < 10; i += 1) cache.set('o', `s00${i}`, ['v']);
    const large = ['v'.repeat(3 * small)];
    cache.set('o', 'large', large);
    expect(cache.get('o', 'large')).toEqual(large);
    expect(cache.keptByteCount).toBeLessThanOrEqual(10 * small);
    expect(cache.get('o', 's000')).toBeUndefined();
    expect(cache.get('o', 's009')).toEqual(['v']);
  });

  it('holds as many lists as its bytes allow, however many that is', () => {
    const values = ['203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64) bench'];
    // Ending in distinct look-up keys: i in base 16, written with the letters A to P.
    const tag = (i: number) =>
      [...i.toString(16).padStart(5, '0')].map((d) => 'ABCDEFGHIJKLMNOP'[parseInt(d, 16)]);
    const sealed = (i: number) => `${'x'.repeat(107)}${tag(i).join('')}`;
    const cache = new OpenedValuesCache(25_000 * keptBytes(sealed(0), values));
    for (let i = 0; i < 25_000; i += 1) cache.set('o', sealed(i), values);
    expect(cache.size).toBe(25_000);
    expect(cache.get('o', sealed(0))).toBe(values);
  });

  it('counts a value beyond Latin-1 at two bytes a character, as V8 stores it', () => {
    expect(keptBytes('s', ['Zoë Ødegård'.padEnd(64, 'e')])).toBeLessThan(
      keptBytes('s', ['Zoë Ødegård Łukasz'.padEnd(64, 'e')]) - 56,
    );
  });

  it("forgets an owner's lists with those of its sub-keys, and nobody else's", () => {
    const cache = new OpenedValuesCache(10_000);
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
    expect(cache.keptByteCount).toBe(0);
  });
});
