import { ownEntry, setEntry } from './own-entry';

describe('ownEntry', () => {
  it('given a key the map holds, then its value, even a falsy one', () => {
    expect(ownEntry({ Case: 'x' }, 'Case')).toBe('x');
    expect(ownEntry({ Case: 0 }, 'Case')).toBe(0);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'given %s, which the map only inherits, then nothing',
    (key) => {
      expect(ownEntry({ Case: 'x' } as Record<string, string>, key)).toBeUndefined();
    },
  );

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string (bad data where a map belongs)', 'Case'],
    ['a number', 7],
  ])('given %s for the map, then nothing', (_, map) => {
    expect(ownEntry(map as unknown as Record<string, string>, '0')).toBeUndefined();
    expect(ownEntry(map as unknown as Record<string, string>, 'length')).toBeUndefined();
  });
});

describe('setEntry', () => {
  it('given __proto__, then it becomes an own key of the object and leaves its prototype alone', () => {
    const map: Record<string, unknown> = {};
    setEntry(map, '__proto__', { read: 'yes' });
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(ownEntry(map, '__proto__')).toEqual({ read: 'yes' });
  });

  it('given any key, then it is an ordinary property: listed, serialised, writable and deletable', () => {
    const map: Record<string, unknown> = {};
    setEntry(map, 'Case', 1);
    expect(Object.getOwnPropertyDescriptor(map, 'Case')).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(JSON.stringify(map)).toBe('{"Case":1}');
  });
});
