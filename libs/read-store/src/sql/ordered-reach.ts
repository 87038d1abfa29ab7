import type { RecordFilter } from '@portal/acl';
import { quoteIdent } from '@portal/platform';
import type { PathTypes, SortKey } from '../read-store.port';
import { elementKey, sideOrder, type OrderedElements } from './document-orders';
import { type SqlParameters, recordFilterToSql } from './record-filter-to-sql';

export interface OrderedReachParts {
  table: string;
  filter: RecordFilter;
  /** The whole filter's condition on `doc`, and the ORDER BY terms of `sort` on `doc` and `id`. */
  where: string;
  order: string;
  sort: readonly SortKey[];
  /** Parameter: offset + limit, the rows each way reads at most. */
  reach: string;
  ordered: readonly OrderedElements[];
  params: SqlParameters;
  /** The table's path types: a branch's equalities are written as `where`'s are. */
  types: PathTypes;
}

function sameSort(a: readonly SortKey[], b: readonly SortKey[]): boolean {
  return (
    a.length === b.length && a.every((key, i) => key.path === b[i].path && key.direction === b[i].direction)
  );
}

/** The top-level conjuncts of a filter (itself when it is no `and`). */
function conjuncts(filter: RecordFilter): RecordFilter[] {
  return filter.kind === 'and' ? filter.filters.flatMap(conjuncts) : [filter];
}

/**
 * The side table that hands out `branch`'s matches in `sort` order: an `overlaps` on a path whose
 * elements are kept in that order (document-orders.ts).
 */
function orderedFor(
  branch: RecordFilter,
  ordered: readonly OrderedElements[],
  sort: readonly SortKey[],
): OrderedElements | undefined {
  if (branch.kind !== 'overlaps') return undefined;
  return ordered.find((o) => o.path === branch.path && sameSort(o.sort, sort));
}

/**
 * A narrow scope's page rows (`doc, id`, unordered, at most `reach` per way) read in order instead
 * of found whole and sorted, or undefined when no part of the filter can be. A portal scope is
 * `type AND live AND (own OR contact's OR account's)`: every match meets one of the OR's branches,
 * so the first `reach` matches in the sort order are among the first `reach` of each branch. Each
 * branch is read in the sort order up to `reach` rows that meet the whole filter: an account's
 * (an `overlaps` with ordered elements) along its side table's btree, one walk per value, each row
 * checked against the whole filter on its document; any other branch found by its own indexes and
 * sorted. The whole filter is applied in every branch, so the rows are exactly matches; the caller
 * orders, offsets and limits them. A walk may pass documents of another element with the same key
 * (elementKey): those it keeps are matches all the same, and each precedes in the order every
 * match of its branch it pushes past `reach`, so the first `reach` matches are still all there. One account of a thousand cases then costs a page of reads, not
 * a thousand.
 */
export function orderedReach(p: OrderedReachParts): string | undefined {
  if (p.sort.length === 0) return undefined;
  const served = (f: RecordFilter): boolean => orderedFor(f, p.ordered, p.sort) !== undefined;
  const reach = conjuncts(p.filter).find((f) => served(f) || (f.kind === 'or' && f.filters.some(served)));
  if (!reach) return undefined;
  const table = quoteIdent(p.table);
  const branches: string[] = [];
  for (const branch of reach.kind === 'or' ? reach.filters : [reach]) {
    const side = orderedFor(branch, p.ordered, p.sort);
    if (!side || branch.kind !== 'overlaps') {
      const condition = recordFilterToSql(branch, p.params, p.types);
      branches.push(
        `(SELECT id, doc AS d FROM ${table} WHERE ${p.where} AND ${condition} ORDER BY ${p.order} LIMIT ${p.reach})`,
      );
      continue;
    }
    // Each side row's document checked in a lateral query the planner keeps apart (OFFSET 0):
    // flattened into a join, it is estimated to match next to nothing, and then all the element's
    // rows are joined and sorted, the very cost this avoids.
    for (const value of branch.values) {
      if (value === null) continue;
      branches.push(
        `(SELECT s.id, m.d FROM ${quoteIdent(side.sideTable)} s
           CROSS JOIN LATERAL (SELECT doc AS d FROM ${table} WHERE id = s.id AND ${p.where} OFFSET 0) m
          WHERE s.k = ${elementKey(`${p.params.add(JSON.stringify(value))}::jsonb`)} ORDER BY ${sideOrder(p.sort, 's')} LIMIT ${p.reach})`,
      );
    }
  }
  if (branches.length === 0) return `SELECT NULL::jsonb AS doc, NULL::text AS id WHERE FALSE`;
  // A document several branches reach comes once.
  return `SELECT DISTINCT ON (id) d AS doc, id FROM (${branches.join(' UNION ALL ')}) b ORDER BY id`;
}
