import { createHash } from 'node:crypto';
import { ALL, and, filterPaths, type RecordFilter } from '@portal/acl';
import { quoteIdent, type SqlQueryable } from '@portal/platform';
import { jsonAt } from './record-filter-to-sql';
import { createStatementTriggers, dropTriggerFunctions, type TriggerOp } from './statement-triggers';

/**
 * Counts of a collection's documents per combination of values at some paths (IndexSpec kind
 * `counts`), kept by the database itself: statement triggers on the collection's table add what
 * each INSERT (COPY too), UPDATE and DELETE brings in and takes out, in the writer's transaction,
 * so the counts are exact whichever statement, transaction or process wrote. A total then sums a
 * handful of groups instead of counting every matching document.
 *
 * Each group is a row `(key, doc, n)` of the counts table: `doc` holds the group's values at their
 * paths (missing as JSON null, which every filter treats alike), so the filter that would match the
 * documents is evaluated on the groups as it is, `n` their number. Groups that fall to 0 go.
 * A registry table (`rs_counts`) says which counts a table has, for readers in every process.
 */
export const COUNTS_REGISTRY = 'rs_counts';

/** Counts a table has: which table holds them and over which paths. */
export interface DocumentCounts {
  countsTable: string;
  paths: string[];
}

export async function createCountsRegistry(q: SqlQueryable): Promise<void> {
  await q.query(
    `CREATE TABLE IF NOT EXISTS ${COUNTS_REGISTRY} (
       tbl text COLLATE "C" NOT NULL,
       name text COLLATE "C" NOT NULL,
       counts_table text NOT NULL,
       paths text[] NOT NULL,
       PRIMARY KEY (tbl, name)
     )`,
  );
}

/** Postgres names hold 63 bytes; longer ones keep their start and end in a hash of the whole. */
export function boundedName(full: string, max = 63): string {
  if (full.length <= max) return full;
  return `${full.slice(0, max - 9)}_${createHash('sha256').update(full).digest('hex').slice(0, 8)}`;
}

/**
 * `jsonb_build_object(...)` of the values at the paths, nested as in the document; `valueAt(i)`
 * the i-th path's value (default: read from `doc`).
 */
function groupOf(paths: readonly string[], valueAt: (i: number) => string = (i) => jsonAt(paths[i])): string {
  type Tree = Map<string, Tree | string>;
  const root: Tree = new Map();
  for (const [i, path] of paths.entries()) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) {
      let next = node.get(key);
      if (!(next instanceof Map)) {
        next = new Map();
        node.set(key, next);
      }
      node = next;
    }
    node.set(keys[keys.length - 1], valueAt(i));
  }
  // Keys are checked document path steps (letters, digits, `_`): safe inside the quotes.
  const build = (tree: Tree): string =>
    `jsonb_build_object(${[...tree].map(([key, value]) => `'${key}', ${typeof value === 'string' ? value : build(value)}`).join(', ')})`;
  return build(root);
}

/**
 * Adds each transition table's rows to their groups, with `sign`: grouped by the group's text, so
 * equal groups always land on one key.
 */
function addGroups(counts: string, group: string, rows: [table: string, sign: 1 | -1][]): string {
  const deltas = rows.map(([table, sign]) => `SELECT ${group}::text AS t, ${sign} AS d FROM ${table}`);
  return `INSERT INTO ${counts} AS c (key, doc, n)
    SELECT sha256(convert_to(t, 'UTF8')), t::jsonb, sum(d) FROM (${deltas.join(' UNION ALL ')}) s
    GROUP BY t HAVING sum(d) <> 0
    ON CONFLICT (key) DO UPDATE SET n = c.n + EXCLUDED.n;`;
}

/** A JSON value that holds a number, at any depth (never null). */
function holdsNumber(jsonb: string): string {
  return `jsonb_path_exists(coalesce(${jsonb}, 'null'), 'strict $.** ? (@.type() == "number")')`;
}

/**
 * The statement that fills new counts from the documents already in `table`: the groups' keys as
 * the triggers make them (the group's text). The documents are grouped by their values at the
 * paths, not by the text of a group built for each (half the server's CPU of the fill, which a
 * rebuild makes over every record after the load: 0.45-0.55 s against 0.95-1.02 s for 200,000
 * records). Equal values have equal texts, but for numbers (1 and 1.0 are equal JSONB): the
 * documents of a group holding a number anywhere are grouped by their text, as before, in a second
 * branch that reads the table only if there is such a group.
 */
function fillGroups(counts: string, table: string, paths: readonly string[]): string {
  const values = paths.map((path, i) => `${jsonAt(path)} AS v${i}`).join(', ');
  const names = paths.map((_, i) => `v${i}`).join(', ');
  const numbers = (valueAt: (i: number) => string): string =>
    paths.map((_, i) => holdsNumber(valueAt(i))).join(' OR ');
  const inGroup = numbers((i) => `v${i}`);
  return `WITH v AS MATERIALIZED (
      SELECT ${names}, count(*) AS n FROM (SELECT ${values} FROM ${table}) r GROUP BY ${names}
    )
    INSERT INTO ${counts} (key, doc, n)
    SELECT sha256(convert_to(t, 'UTF8')), t::jsonb, sum(n) FROM (
      SELECT ${groupOf(paths, (i) => `v${i}`)}::text AS t, n FROM v WHERE NOT (${inGroup})
      UNION ALL
      SELECT ${groupOf(paths)}::text, 1 FROM ${table}
       WHERE EXISTS (SELECT 1 FROM v WHERE ${inGroup}) AND (${numbers((i) => jsonAt(paths[i]))})
    ) s GROUP BY t`;
}

/** Drops the groups the old rows left empty (only theirs: a write touches few groups). */
function dropEmptied(counts: string, group: string): string {
  return `DELETE FROM ${counts} WHERE n = 0
    AND key IN (SELECT sha256(convert_to(${group}::text, 'UTF8')) FROM old_rows);`;
}

/**
 * Creates counts `name` over `paths` for `table` (inside ensureCollection's DDL transaction), filled
 * from the documents already there; counts of that name already registered are kept as they are
 * (a changed definition needs a new name). Writers wait meanwhile, so none is missed.
 */
export async function createCounts(
  q: SqlQueryable,
  schema: string,
  table: string,
  name: string,
  paths: readonly string[],
): Promise<void> {
  const { rows } = await q.query<{ counts_table: string; paths: string[] }>(
    `SELECT counts_table, paths FROM ${COUNTS_REGISTRY} WHERE tbl = $1 AND name = $2`,
    [table, name],
  );
  const qualified = (object: string): string => `${quoteIdent(schema)}.${quoteIdent(object)}`;
  // Counts made before their groups had indexes get them now.
  if (rows.length > 0) return indexGroups(q, qualified, rows[0].counts_table, rows[0].paths);
  const base = boundedName(`rc_${table.slice(3)}__${name}`, 59);
  const counts = qualified(base);
  const group = groupOf(paths);
  await q.query(`LOCK TABLE ${qualified(table)} IN SHARE ROW EXCLUSIVE MODE`);
  // Leftovers of counts no longer registered (a registry emptied by hand) would be stale: they go.
  await q.query(`DROP TABLE IF EXISTS ${counts}`);
  await dropTriggerFunctions(q, base, qualified);
  await q.query(`CREATE TABLE ${counts} (key bytea PRIMARY KEY, doc jsonb NOT NULL, n bigint NOT NULL)`);
  const bodies: Record<TriggerOp, string> = {
    ins: addGroups(counts, group, [['new_rows', 1]]),
    upd:
      addGroups(counts, group, [
        ['new_rows', 1],
        ['old_rows', -1],
      ]) + dropEmptied(counts, group),
    del: addGroups(counts, group, [['old_rows', -1]]) + dropEmptied(counts, group),
  };
  await createStatementTriggers(q, { qualified, base, table, triggerPrefix: `rc_${name}`, bodies });
  await q.query(fillGroups(counts, qualified(table), paths));
  await indexGroups(q, qualified, base, paths);
  await q.query(`INSERT INTO ${COUNTS_REGISTRY} (tbl, name, counts_table, paths) VALUES ($1, $2, $3, $4)`, [
    table,
    name,
    base,
    [...paths],
  ]);
}

/**
 * Indexes on the groups' values at each path (idempotent), the very expressions filters use: a btree
 * for equalities, a GIN for array containment. A scope's total then sums the few groups its
 * conditions find instead of testing every group: a thousand accounts make a thousand groups, and
 * testing them all took 3-4 ms of PGlite's CPU per list, more than the rest of the page.
 */
async function indexGroups(
  q: SqlQueryable,
  qualified: (object: string) => string,
  countsTable: string,
  paths: readonly string[],
): Promise<void> {
  for (const [i, path] of paths.entries()) {
    const at = jsonAt(path);
    await q.query(
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(boundedName(`${countsTable}_${i}b`))} ON ${qualified(countsTable)} (${at})`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(boundedName(`${countsTable}_${i}g`))} ON ${qualified(countsTable)}
         USING gin (${at}) WITH (fastupdate = off)`,
    );
  }
}

/** The counts `table` has (none for a table without any, or one not there). */
export async function countsOf(q: SqlQueryable, table: string): Promise<DocumentCounts[]> {
  const { rows } = await q.query<{ counts_table: string; paths: string[] }>(
    `SELECT counts_table, paths FROM ${COUNTS_REGISTRY} WHERE tbl = $1 ORDER BY name`,
    [table],
  );
  return rows.map((row) => ({ countsTable: row.counts_table, paths: row.paths }));
}

/** Drops every counts `table` has, with their functions (its triggers go with the table). */
export async function dropCounts(q: SqlQueryable, table: string): Promise<void> {
  for (const { countsTable } of await countsOf(q, table)) {
    await q.query(`DROP TABLE IF EXISTS ${quoteIdent(countsTable)}`);
    await dropTriggerFunctions(q, countsTable);
  }
  await q.query(`DELETE FROM ${COUNTS_REGISTRY} WHERE tbl = $1`, [table]);
}

/** Counts that can answer a total for `filter`: over every path it reads (the first such). */
export function countsFor(
  counts: readonly DocumentCounts[],
  filter: RecordFilter,
): DocumentCounts | undefined {
  if (counts.length === 0) return undefined;
  const read = filterPaths(filter);
  return counts.find((c) => [...read].every((path) => c.paths.includes(path)));
}

/** The total of the documents `where` matches, from their groups (`where` reads `doc`, as on documents). */
export function countedTotal(counts: DocumentCounts, where: string): string {
  return `SELECT coalesce(sum(n), 0) AS total FROM ${quoteIdent(counts.countsTable)} WHERE ${where}`;
}

/**
 * The equalities every match meets (the top-level `eq` conjuncts): what an index leading with
 * those paths walks through, matches or not, to read a page in its order.
 */
export function spanOf(filter: RecordFilter): RecordFilter {
  const equalities: RecordFilter[] = [];
  const visit = (f: RecordFilter): void => {
    if (f.kind === 'and') f.filters.forEach(visit);
    else if (f.kind === 'eq') equalities.push(f);
  };
  visit(filter);
  return equalities.length === 0 ? ALL : and(...equalities);
}

export interface CountedPageParts {
  table: string;
  counts: DocumentCounts;
  /**
   * The filter's condition on the documents' `doc`, the same on the groups' `doc` (equalities on
   * a declared path type compare the typed value in the one, JSON in the other: each as its
   * table's indexes are), and its span's (spanOf) on the groups.
   */
  where: string;
  groups: string;
  span: string;
  /** ORDER BY terms, on `doc` and `id`. */
  order: string;
  /** Parameters: offset + limit, limit, offset. */
  reach: string;
  limit: string;
  offset: string;
  /**
   * The narrow way's rows (`doc, id`: exactly the matches, in no order, at least the first
   * offset + limit of them), where they can be read in order (orderedReach); else every match.
   */
  narrow?: string;
}

/**
 * One statement for a page and its total from the counts, which also tell how to read the page.
 * In the sort order (an index's, when one fits), the rows passed before the page is full are about
 * reach × span / total (the matches are spread through the span); found by their own indexes and
 * sorted, total rows. The first wins when reach × span < total²: a broad scope (a third of the
 * cases) is read in order and stopped at its limit, a narrow one (2% of them) is found and sorted.
 * The planner, left to choose, walks the order for both: it prices the JSONB filter each passed
 * row costs at next to nothing. Each branch runs only if its one-time condition holds; the outer
 * sort orders the page's few rows.
 *
 * The total sums the groups the filter's conditions find through the groups' indexes
 * (indexGroups). The span stands in as the table's row count from its statistics (refreshed as it
 * grows), not summed from the groups: that sum tests every group, and the span of a scope is most
 * of the table anyway. Where it is not (a rare type), the count only makes the narrow way win more
 * often, and that way reads at most sqrt(reach × rows) matches. A table never analysed sums it.
 */
export function countedPage(p: CountedPageParts): string {
  const table = quoteIdent(p.table);
  const counts = quoteIdent(p.counts.countsTable);
  const walk = `(SELECT $R::numeric * span < total * total FROM k)`.replace('$R', p.reach);
  const narrow = p.narrow
    ? `SELECT doc, id FROM (${p.narrow}) reached WHERE NOT ${walk}`
    : `SELECT doc, id FROM ${table} WHERE ${p.where} AND NOT ${walk} OFFSET 0`;
  // The table's name is a checked collection name in quotes (tableOf): safe inside the literal.
  return `WITH k AS MATERIALIZED (
      SELECT (SELECT coalesce(sum(n), 0) FROM ${counts} WHERE ${p.groups}) AS total,
             (SELECT CASE WHEN reltuples >= 0 THEN reltuples::numeric
                ELSE (SELECT coalesce(sum(n), 0) FROM ${counts} WHERE ${p.span}) END
                FROM pg_class WHERE oid = '${table}'::regclass) AS span)
    SELECT doc, (SELECT total FROM k) AS total FROM (
      (SELECT doc, id FROM ${table} WHERE ${p.where} AND ${walk}
        ORDER BY ${p.order} LIMIT ${p.limit} OFFSET ${p.offset})
      UNION ALL
      (SELECT doc, id FROM (${narrow}) found
        ORDER BY ${p.order} LIMIT ${p.limit} OFFSET ${p.offset})
    ) page ORDER BY ${p.order}`;
}
