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

describe('matchesRecordFilter on malformed documents', () => {
  it.each([
    ['null', null],
    ['a string', 'Open'],
    ['a number', 4],
    ['a list', [{ status: 'Open' }]],
  ])('given a document that is %s, then a path finds nothing (missing counts as null)', (_, doc) => {
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'status', value: null })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'status', value: 'Open' })).toBe(false);
  });

  it.each([
    ['null', null],
    ['a string', 'Open'],
    ['a list', ['Open']],
  ])(
    'given fields that are %s, then fields.<name> is missing rather than a property of that value',
    (_, fields) => {
      const doc = { fields };
      expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.length', value: null })).toBe(true);
      expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.0', value: null })).toBe(true);
      expect(matchesRecordFilter(doc, { kind: 'in', path: 'fields.length', values: [1, 4] })).toBe(false);
    },
  );

  it('given a list at a path, then it is not walked into by index', () => {
    const doc = { accountIds: ['a1'] };
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'accountIds.0', value: 'a1' })).toBe(false);
  });
});

describe('matchesRecordFilter comparisons', () => {
  const doc = { fields: { status: 'Open', count: 1, flag: true, list: ['Open'], nested: { a: 1 } } };

  it('eq and ne are strict: the string "1" is not the number 1, and a list or object equals no scalar', () => {
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.count', value: 1 })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.count', value: '1' })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'ne', path: 'fields.count', value: '1' })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'ne', path: 'fields.count', value: 1 })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.list', value: 'Open' })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.nested', value: null })).toBe(false);
  });

  it('a missing path counts as null: eq null and ne "x" and notIn match it, in without null does not', () => {
    expect(matchesRecordFilter(doc, { kind: 'eq', path: 'fields.missing', value: null })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'ne', path: 'fields.missing', value: 'x' })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'ne', path: 'fields.missing', value: null })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'notIn', path: 'fields.missing', values: ['x'] })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'in', path: 'fields.missing', values: ['x'] })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'in', path: 'fields.missing', values: ['x', null] })).toBe(true);
  });

  it('in and notIn test membership of the value at the path', () => {
    expect(matchesRecordFilter(doc, { kind: 'in', path: 'fields.status', values: ['Closed', 'Open'] })).toBe(
      true,
    );
    expect(matchesRecordFilter(doc, { kind: 'in', path: 'fields.status', values: ['Closed'] })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'notIn', path: 'fields.status', values: ['Closed'] })).toBe(true);
    expect(
      matchesRecordFilter(doc, { kind: 'notIn', path: 'fields.status', values: ['Closed', 'Open'] }),
    ).toBe(false);
  });

  it('overlaps needs a list at the path sharing a value; null in the values never matches', () => {
    const linked = { accountIds: ['a1', null], contactIds: 'c1' };
    expect(matchesRecordFilter(linked, { kind: 'overlaps', path: 'accountIds', values: ['a2', 'a1'] })).toBe(
      true,
    );
    expect(matchesRecordFilter(linked, { kind: 'overlaps', path: 'accountIds', values: ['a2'] })).toBe(false);
    expect(matchesRecordFilter(linked, { kind: 'overlaps', path: 'accountIds', values: [null] })).toBe(false);
    expect(matchesRecordFilter(linked, { kind: 'overlaps', path: 'contactIds', values: ['c1'] })).toBe(false);
    expect(matchesRecordFilter(linked, { kind: 'overlaps', path: 'missing', values: ['a1'] })).toBe(false);
  });

  it('and needs every part, or some part; empty and is all, empty or is none', () => {
    const open = { kind: 'eq', path: 'fields.status', value: 'Open' } as const;
    const closed = { kind: 'eq', path: 'fields.status', value: 'Closed' } as const;
    expect(matchesRecordFilter(doc, { kind: 'and', filters: [open, open] })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'and', filters: [open, closed] })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'or', filters: [closed, open] })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'or', filters: [closed, closed] })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'and', filters: [] })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'or', filters: [] })).toBe(false);
    expect(matchesRecordFilter(doc, { kind: 'all' })).toBe(true);
    expect(matchesRecordFilter(doc, { kind: 'none' })).toBe(false);
  });
});
