import { filterPaths } from './filter-paths';
import { ALL, NONE, and, or } from './record-filter';

describe('filterPaths', () => {
  it('given a filter with every kind of leaf under and/or, then it lists each path read once', () => {
    const filter = and(
      ALL,
      { kind: 'eq', path: 'a', value: 1 },
      or(
        NONE,
        { kind: 'ne', path: 'b.c', value: null },
        { kind: 'in', path: 'a', values: [] },
        and({ kind: 'notIn', path: 'd', values: ['x'] }, { kind: 'overlaps', path: 'e', values: ['y'] }),
      ),
      { kind: 'isEmpty', path: 'f' },
    );
    expect([...filterPaths(filter)].sort()).toEqual(['a', 'b.c', 'd', 'e', 'f']);
  });

  it('given a filter without leaves, then it reads no path', () => {
    expect(filterPaths(ALL).size).toBe(0);
    expect(filterPaths(and(NONE, or())).size).toBe(0);
  });
});
