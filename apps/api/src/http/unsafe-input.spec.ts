import { findUnsafeInput } from './unsafe-input';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findUnsafeInput', () => {
  it('accepts ordinary JSON, emoji (surrogate pairs) included', () => {
    expect(findUnsafeInput({ name: 'Zoë 😀', tags: ['a', { b: 1, c: null }] })).toBeUndefined();
    expect(findUnsafeInput(nested(63))).toBeUndefined();
  });

  it('names the field holding a NUL or a lone surrogate, keys included', () => {
    expect(findUnsafeInput({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({
      kind: 'bad_string',
      path: '/a/b/1',
      message: 'must not contain a NUL character',
    });
    expect(findUnsafeInput({ title: 'broken \uD800' })).toMatchObject({ path: '/title' });
    expect(findUnsafeInput({ title: '\uDC00 first' })).toMatchObject({ path: '/title' });
    expect(findUnsafeInput({ 'filter[a\u0000]': 'x' }, '/query')).toMatchObject({
      path: '/query/filter[a\u0000]',
      message: expect.stringContaining('its name'),
    });
    expect(findUnsafeInput('\u0000')).toMatchObject({ path: '/' });
  });

  it('refuses nesting past the limit without recursing, however deep', () => {
    expect(findUnsafeInput(nested(65))).toMatchObject({ kind: 'too_deep' });
    expect(findUnsafeInput(nested(200_000))).toMatchObject({ kind: 'too_deep' });
  });
});
