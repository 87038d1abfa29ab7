import { matchesRecordFilter } from './record-filter';

describe('matchesRecordFilter isEmpty', () => {
  const isEmpty = { kind: 'isEmpty', path: 'accountIds' } as const;
  it.each([
    [{}, true],
    [{ accountIds: null }, true],
    [{ accountIds: [] }, true],
    [{ accountIds: ['a1'] }, false],
    [{ accountIds: 'a1' }, false],
    [{ accountIds: 0 }, false],
  ])('given %p, then %p', (doc, expected) => {
    expect(matchesRecordFilter(doc, isEmpty)).toBe(expected);
  });
});
