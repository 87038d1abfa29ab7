import { quoteIdent, type SqlQueryable } from '@portal/platform';
import type { SortKey } from '../read-store.port';
import { boundedName } from './document-counts';
import { jsonAt, sortTerms, type SortTerm } from './record-filter-to-sql';
import { createStatementTriggers, dropTriggerFunctions, type TriggerOp } from './statement-triggers';

/**
 * An array path's elements in a sort order (IndexSpec kind `array` with `sort`): a side table of
 * one row per (element, document) with the document's sort values, and a btree on (element, sort
 * terms, id), kept by statement triggers on the collection's table in the writer's transaction, as
 * the counts are (document-counts.ts). A GIN index finds the documents holding an element but
 * hands them out in no order, so a page of an account's cases fetched and sorted every case the
 * account holds (1,000 at a million cases: the bench's scaleRatio of 3); along this btree a page
 * reads its rows in order and stops at its limit, whatever the account holds.
 *
 * A row `(k, id, t0, t1, …)`: `k` the key of one element of the array at `path` (elementKey), `tN` the document's
 * sort terms (sortTerms: the very expressions `find` orders documents by, computed on the
 * document when the row is written), so the side rows sort as their documents do. Registered in
 * `rs_ordered` for readers in every process.
 */
export const ORDERED_REGISTRY = 'rs_ordered';

/** An array path's elements kept in a sort order, and the side table that holds them. */
export interface OrderedElements {
  sideTable: string;
  path: string;
  sort: SortKey[];
}

export async function createOrderedRegistry(q: SqlQueryable): Promise<void> {
  await q.query(
    `CREATE TABLE IF NOT EXISTS ${ORDERED_REGISTRY} (
       tbl text COLLATE "C" NOT NULL,
       name text COLLATE "C" NOT NULL,
       side_table text NOT NULL,
       path text NOT NULL,
       sort jsonb NOT NULL,
       PRIMARY KEY (tbl, name)
     )`,
  );
}

/**
 * The sort terms a side table stores (the id is its own column), named t0, t1, …; `valueAt` as in
 * sortTerms.
 */
function storedTerms(sort: readonly SortKey[], valueAt?: (i: number) => string): SortTerm[] {
  return sortTerms(sort, valueAt).slice(0, -1);
}

/**
 * True for every document holding a non-empty array at `path` (its first element is there, even a
 * JSON null; an object with a key "0" passes too and still makes no rows): the others have no
 * rows, and leaving them out before their sort values are read is most of filling the contacts'
 * side table after a replay, where no record links a contact. One look-up, not a type check and a
 * comparison: the accounts' fill, where every record passes, pays next to nothing for it.
 */
function mayHoldElements(path: string): string {
  return `(doc #> '{${path.split('.').join(',')},0}') IS NOT NULL`;
}

/**
 * One row per distinct element of each row's array at `path` (none where it holds no array), with
 * the row's sort terms computed once, from `rows` (the table or a transition table). An element
 * that came earlier in its array is left out (a page's walk counts rows, so a document must not
 * come twice), and the check is made only past the first: most arrays hold one element. The array
 * and the sort values are read from the document once (`x`, kept apart by OFFSET 0), not once per
 * term: a fifth less time building the side table of a million documents.
 */
function elementRows(path: string, sort: readonly SortKey[], rows: string): string {
  const values = sort.map((key, i) => `${jsonAt(key.path)} AS s${i}`);
  const terms = storedTerms(sort, (i) => `x.s${i}`).map((term) => term.expression);
  return `SELECT ${elementKey('e.v')}, id, ${terms.join(', ')} FROM ${rows}
    CROSS JOIN LATERAL (SELECT ${jsonAt(path)} AS a, ${values.join(', ')} WHERE ${mayHoldElements(path)} OFFSET 0) x
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(x.a) = 'array' THEN x.a END) WITH ORDINALITY e(v, n)
    WHERE CASE WHEN e.n = 1 THEN true
      ELSE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(x.a) WITH ORDINALITY p(w, m) WHERE m < e.n AND w = e.v) END`;
}

/**
 * An element's key: a 64-bit hash of its canonical text (JSONB's own output, numbers without
 * trailing zeros: JSONB holds 1 and 1.0 equal). Compared as an integer, it keeps the btree's build
 * cheap (JSONB or long shared text prefixes, as `"account-…"` ids have, were half of it). Two
 * elements may share a key: a walk then also passes the other's documents, and the whole filter,
 * checked on each document, decides (see orderedReach).
 */
export function elementKey(jsonb: string): string {
  return `hashtextextended(CASE WHEN jsonb_typeof(${jsonb}) = 'number' THEN trim_scale((${jsonb})::numeric)::text ELSE (${jsonb})::text END, 0)`;
}

/**
 * The ORDER BY of a side table's rows aliased `alias`: the terms orderBy gives the documents, read
 * from its columns (the order of its btree).
 */
export function sideOrder(sort: readonly SortKey[], alias: string): string {
  return [
    ...storedTerms(sort).map((term, i) => `${alias}.t${i}${term.collate} ${term.direction}`),
    `${alias}.id ASC`,
  ].join(', ');
}

/**
 * Creates ordered elements `name` of `path` in `sort` for `table` (inside ensureCollection's DDL
 * transaction), filled from the documents there; an existing one of that name is kept as it is.
 */
export async function createOrderedElements(
  q: SqlQueryable,
  schema: string,
  table: string,
  name: string,
  path: string,
  sort: readonly SortKey[],
): Promise<void> {
  const { rows } = await q.query(`SELECT 1 FROM ${ORDERED_REGISTRY} WHERE tbl = $1 AND name = $2`, [
    table,
    name,
  ]);
  if (rows.length > 0) return;
  const qualified = (object: string): string => `${quoteIdent(schema)}.${quoteIdent(object)}`;
  const base = boundedName(`ro_${table.slice(3)}__${name}`, 59);
  const side = qualified(base);
  const terms = storedTerms(sort);
  const columns = terms.map((term, i) => `t${i} ${term.type}`).join(', ');
  const sideColumns = ['k', 'id', ...terms.map((_, i) => `t${i}`)].join(', ');
  await q.query(`LOCK TABLE ${qualified(table)} IN SHARE ROW EXCLUSIVE MODE`);
  await q.query(`DROP TABLE IF EXISTS ${side}`);
  await dropTriggerFunctions(q, base, qualified);
  // Plain typed columns, not the documents' JSONB: the btree compares them cheaply (built over a
  // million rows, JSONB sort keys are most of an index's build time).
  await q.query(`CREATE TABLE ${side} (k bigint NOT NULL, id text COLLATE "C" NOT NULL, ${columns})`);
  const insert = `INSERT INTO ${side} (${sideColumns}) ${elementRows(path, sort, 'new_rows')};`;
  const remove = `DELETE FROM ${side} WHERE id IN (SELECT id FROM old_rows);`;
  const bodies: Record<TriggerOp, string> = { ins: insert, upd: remove + insert, del: remove };
  await createStatementTriggers(q, { qualified, base, table, triggerPrefix: `ro_${name}`, bodies });
  await q.query(`INSERT INTO ${side} (${sideColumns}) ${elementRows(path, sort, qualified(table))}`);
  // Built after the fill: one sort of the rows instead of a btree insert each.
  const order = terms.map((term, i) => `t${i}${term.collate} ${term.direction}`).join(', ');
  await q.query(`CREATE INDEX ${quoteIdent(boundedName(`${base}_order`))} ON ${side} (k, ${order}, id)`);
  // The triggers' deletes find a document's rows by it.
  await q.query(`CREATE INDEX ${quoteIdent(boundedName(`${base}_id`))} ON ${side} (id)`);
  await q.query(
    `INSERT INTO ${ORDERED_REGISTRY} (tbl, name, side_table, path, sort) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [table, name, base, path, JSON.stringify(sort)],
  );
}

/** The ordered elements `table` has (none for a table without any, or one not there). */
export async function orderedOf(q: SqlQueryable, table: string): Promise<OrderedElements[]> {
  const { rows } = await q.query<{ side_table: string; path: string; sort: SortKey[] }>(
    `SELECT side_table, path, sort FROM ${ORDERED_REGISTRY} WHERE tbl = $1 ORDER BY name`,
    [table],
  );
  return rows.map((row) => ({ sideTable: row.side_table, path: row.path, sort: row.sort }));
}

/** Drops every ordered elements `table` has, with their functions (its triggers go with the table). */
export async function dropOrdered(q: SqlQueryable, table: string): Promise<void> {
  for (const { sideTable } of await orderedOf(q, table)) {
    await q.query(`DROP TABLE IF EXISTS ${quoteIdent(sideTable)}`);
    await dropTriggerFunctions(q, sideTable);
  }
  await q.query(`DELETE FROM ${ORDERED_REGISTRY} WHERE tbl = $1`, [table]);
}
