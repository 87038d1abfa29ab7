import { canonical } from './idempotency.interceptor';

describe('canonical (the idempotency fingerprint of a body)', () => {
  it('writes JSON with sorted keys, the same for any key order', () => {
    expect(canonical({ b: [1, 'x', null, { d: true, c: {} }], a: [] })).toBe(
      '{"a":[],"b":[1,"x",null,{"c":{},"d":true}]}',
    );
    expect(canonical({ y: 1, x: 2 })).toBe(canonical({ x: 2, y: 1 }));
    expect(canonical(undefined)).toBe('null');
    expect(canonical([undefined])).toBe('[null]');
  });

  it('does not overflow the stack on a body nested 100 000 deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 === 0 ? [deep] : { a: deep };
    const text = canonical(deep);
    // 50 000 arrays ("[" "]") and 50 000 objects ('{"a":' "}") around the 1.
    expect(text).toHaveLength(50_000 * 2 + 50_000 * 6 + 1);
    expect(text.startsWith('{"a":[{"a":[')).toBe(true);
    expect(JSON.parse(text)).toBeDefined();
  });
});
