import { KeptListQueries } from './kept-list-queries';
import { parseListQuery, type ListQueryOptions } from './list-query';

const options = (): ListQueryOptions =>
  Object.freeze({
    sortable: { name: 'fields.name', createdAt: 'createdAt' },
    filterable: { status: 'fields.status' },
    defaultSort: [{ path: 'createdAt', direction: 'desc' as const }],
  });

describe('KeptListQueries', () => {
  it('answers a query asked before with the same frozen answer, equal to a fresh parse', () => {
    const kept = new KeptListQueries();
    const opts = options();
    const query = { page: '2', perPage: '10', sort: 'name', 'filter[status]': 'New' };
    const first = kept.parse(query, opts);
    expect(first).toEqual(parseListQuery(query, opts));
    expect(Object.isFrozen(first) && Object.isFrozen(first.sort) && Object.isFrozen(first.filters)).toBe(
      true,
    );
    expect(kept.parse({ ...query }, opts)).toBe(first);
  });

  it('tells apart queries that differ in any value, and options objects', () => {
    const kept = new KeptListQueries();
    const opts = options();
    const base = kept.parse({ page: '1' }, opts);
    expect(kept.parse({ page: '2' }, opts).offset).toBe(20);
    expect(kept.parse({ page: '1', order: 'desc' }, opts)).not.toBe(base);
    expect(kept.parse({ 'filter[status]': 'true' }, opts).filter).toEqual(
      parseListQuery({ 'filter[status]': 'true' }, opts).filter,
    );
    expect(kept.parse({ 'filter[status]': 'true' }, opts)).not.toEqual(
      kept.parse({ 'filter[status]': 'New' }, opts),
    );
    const other = { ...options(), sortable: { name: 'fields.title' } };
    expect(kept.parse({ sort: 'name' }, other).sort).toEqual([{ path: 'fields.title', direction: 'asc' }]);
    expect(kept.parse({ sort: 'name' }, opts).sort).toEqual([{ path: 'fields.name', direction: 'asc' }]);
  });

  it('refuses an invalid query every time', () => {
    const kept = new KeptListQueries();
    const opts = options();
    for (let i = 0; i < 2; i += 1) {
      expect(() => kept.parse({ sort: 'secret' }, opts)).toThrow('The list query is not valid.');
      expect(() => kept.parse({ 'filter[hidden]': 'x' }, opts)).toThrow('The list query is not valid.');
    }
  });
});
