import type { RecordFilter, Scalar } from '@portal/acl';
import type { PathTypes, SortKey } from '../read-store.port';

/** Collects query parameters and hands out their `$n` placeholders. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `(doc #> '{a,b}')`: the JSONB at a dotted path, SQL NULL when missing (also when a step is not
 * an object: `#>` with non-numeric keys finds nothing in arrays and scalars, like the reference).
 * The path is inlined because expression indexes only match the same literal expression; it is
 * validated (letters, digits, `_`, dots) before it gets here, so it cannot break out of the quotes.
 */
export function jsonAt(path: string): string {
  return `(doc #> '{${path.split('.').join(',')}}')`;
}

/**
 * The value at a path as text where it holds the type the collection declared (PathTypes): the
 * string, or `true`/`false`; SQL NULL where the document holds anything else there (missing, null,
 * another type). So `typed = text of v` holds exactly where `jsonAt(path) = v as JSON` does, for v
 * of that type. Booleans as text, not `boolean`: a btree compares the short texts about as cheaply,
 * and the planner's guess for an equality on a table never analysed stays the one it makes for
 * JSONB (0.5%; for a `boolean` it guesses half the rows, and a portal list's page was then found and
 * sorted instead of read in order, scoped-list-plan.int-spec.ts). Indexed as `(expression)` with
 * TYPED_COLLATION as the column's collation, and written in queries as `expression` +
 * TYPED_COLLATION, which the planner matches to that index column (as sortTerms' text term).
 */
export function typedAt(path: string, type: PathTypes[string]): string {
  const e = jsonAt(path);
  return `(CASE WHEN jsonb_typeof(${e}) = '${type}' THEN ${e} #>> '{}' END)`;
}

/** The collation typed text is compared in (code point order, as sortTerms' text term). */
export const TYPED_COLLATION = ' COLLATE "C"';

/**
 * A btree column for `path` (as CREATE INDEX takes it: the expression, then the column's
 * collation): its declared type's expression where `types` has one, else the JSONB (what
 * recordFilterToSql compares for equalities on the path, given the same `types`).
 */
export function indexColumnOf(path: string, types: PathTypes): string {
  const type = types[path];
  return type ? `(${typedAt(path, type)})${TYPED_COLLATION}` : jsonAt(path);
}

/** The values of `values` of the path's declared type (none if it has no declared type). */
function ofDeclaredType(path: string, values: readonly Scalar[], types: PathTypes): Scalar[] {
  const type = types[path];
  return type ? values.filter((value) => typeof value === type) : [];
}

/**
 * `typed = v` (one value) or `typed = ANY(values)` for values of the path's declared type, as text
 * (typedAt): the form an index on indexColumnOf(path) serves.
 */
function typedIn(path: string, values: readonly Scalar[], types: PathTypes, params: SqlParameters): string {
  const typed = `${typedAt(path, types[path])}${TYPED_COLLATION}`;
  return values.length === 1
    ? `${typed} = ${params.add(String(values[0]))}::text`
    : `${typed} = ANY(${params.add(values.map(String))}::text[])`;
}

const json = (value: Scalar): string => JSON.stringify(value);

/** JSON null or missing: the reference treats both as null. */
const isNullish = (e: string): string => `(${e} IS NULL OR ${e} = 'null'::jsonb)`;

/**
 * The WHERE condition for a RecordFilter, with the reference semantics of `matchesRecordFilter`.
 * `eq`/`in`/`overlaps` may yield SQL NULL for a missing path, which is harmless because the AST
 * has no NOT: under AND/OR a NULL leaf decides like FALSE. `ne`/`notIn` are written so they are
 * never NULL (they match missing paths). Comparisons are jsonb `=`, i.e. strict JSON equality
 * ("1" is not 1, an array or object equals no scalar), and btree expression indexes serve them;
 * `eq`/`in` with values of a path's declared type (`types`, the collection's PathTypes) compare
 * the typed value instead (typedAt: the same matches), which the collection's indexes are on.
 */
export function recordFilterToSql(
  filter: RecordFilter,
  params: SqlParameters,
  types: PathTypes = {},
): string {
  switch (filter.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'and':
      return filter.filters.length === 0
        ? 'TRUE'
        : `(${filter.filters.map((f) => recordFilterToSql(f, params, types)).join(' AND ')})`;
    case 'or':
      return filter.filters.length === 0
        ? 'FALSE'
        : `(${filter.filters.map((f) => recordFilterToSql(f, params, types)).join(' OR ')})`;
    case 'eq': {
      const e = jsonAt(filter.path);
      if (filter.value === null) return isNullish(e);
      if (ofDeclaredType(filter.path, [filter.value], types).length > 0)
        return typedIn(filter.path, [filter.value], types, params);
      return `${e} = ${params.add(json(filter.value))}::jsonb`;
    }
    case 'ne': {
      const e = jsonAt(filter.path);
      return filter.value === null
        ? `(${e} IS NOT NULL AND ${e} <> 'null'::jsonb)`
        : `${e} IS DISTINCT FROM ${params.add(json(filter.value))}::jsonb`;
    }
    case 'in': {
      const e = jsonAt(filter.path);
      const typed = ofDeclaredType(filter.path, filter.values, types);
      const values = filter.values.filter((v) => v !== null && !typed.includes(v));
      const parts: string[] = [];
      if (typed.length > 0) parts.push(typedIn(filter.path, typed, types, params));
      if (values.length > 0) parts.push(`${e} = ANY(${params.add(values.map(json))}::jsonb[])`);
      if (filter.values.includes(null)) parts.push(isNullish(e));
      return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
    }
    case 'notIn': {
      const e = jsonAt(filter.path);
      const values = filter.values.filter((v) => v !== null);
      // `e <> ALL(...)` is never NULL here: e is not NULL in both branches that reach it.
      const notListed = values.length > 0 ? `${e} <> ALL(${params.add(values.map(json))}::jsonb[])` : 'TRUE';
      return values.length < filter.values.length
        ? `(${e} IS NOT NULL AND ${e} <> 'null'::jsonb AND ${notListed})`
        : `(${e} IS NULL OR ${notListed})`;
    }
    case 'overlaps': {
      const e = jsonAt(filter.path);
      const values = filter.values.filter((v) => v !== null);
      // `@>` with a one-element array: true exactly when the path holds an array with that value
      // as an element (strict JSON equality; never for a scalar, an object or a nested array), and
      // a GIN index on the expression serves it. One operator for every type keeps the planner's
      // estimate from the expression's statistics: a type guard beside it (`jsonb_typeof(e) =
      // 'array'`, which `?|` would need) is guessed at 0.5% of the rows whatever they hold.
      return values.length === 0
        ? 'FALSE'
        : `${e} @> ANY(${params.add(values.map((value) => JSON.stringify([value])))}::jsonb[])`;
    }
    case 'isEmpty': {
      const e = jsonAt(filter.path);
      return `(${e} IS NULL OR ${e} = 'null'::jsonb OR ${e} = '[]'::jsonb)`;
    }
    default:
      return unknownFilter(filter);
  }
}

function unknownFilter(filter: never): never {
  throw new Error(`Unsupported record filter kind: ${(filter as { kind: string }).kind}`);
}

/** One ORDER BY term: an expression, its SQL type, the collation to compare it in, and the direction. */
export interface SortTerm {
  expression: string;
  type: 'int' | 'numeric' | 'text' | 'jsonb';
  collate: string;
  direction: 'ASC' | 'DESC';
}

/**
 * The terms of the sort keys, then `id`. The order is defined store-neutrally so SQL and MongoDB
 * page alike: missing and null sort last ascending and first descending; values of one type
 * compare naturally (numbers numerically, strings by code point, false before true); across types
 * numbers < strings < objects < arrays < booleans (MongoDB's order; sorting on paths that hold
 * objects or arrays is otherwise unspecified). `valueAt`: where the i-th key's value is read (the
 * document's path, unless it was extracted once beforehand).
 */
export function sortTerms(
  sort: readonly SortKey[],
  valueAt: (i: number) => string = (i) => jsonAt(sort[i].path),
): SortTerm[] {
  const terms: SortTerm[] = [];
  for (const [i, key] of sort.entries()) {
    const e = valueAt(i);
    const direction = key.direction === 'desc' ? 'DESC' : 'ASC';
    const term = (expression: string, type: SortTerm['type'], collate = ''): SortTerm => ({
      expression,
      type,
      collate,
      direction,
    });
    terms.push(
      term(
        `CASE jsonb_typeof(${e}) WHEN 'number' THEN 1 WHEN 'string' THEN 2 WHEN 'object' THEN 3` +
          ` WHEN 'array' THEN 4 WHEN 'boolean' THEN 5 ELSE 6 END`,
        'int',
      ),
      term(`CASE WHEN jsonb_typeof(${e}) = 'number' THEN ${e}::numeric END`, 'numeric'),
      term(`(CASE WHEN jsonb_typeof(${e}) = 'string' THEN ${e} #>> '{}' END)`, 'text', ' COLLATE "C"'),
      // Booleans, objects, arrays; not null, which must tie with missing (already ranked last).
      term(`CASE WHEN jsonb_typeof(${e}) IN ('boolean', 'object', 'array') THEN ${e} END`, 'jsonb'),
    );
  }
  terms.push({ expression: 'id', type: 'text', collate: '', direction: 'ASC' });
  return terms;
}

/** ORDER BY terms for the sort keys, then `id` (the order sortTerms defines). */
export function orderBy(sort: SortKey[]): string {
  return sortTerms(sort)
    .map((t) => `${t.expression}${t.collate} ${t.direction}`)
    .join(', ');
}

/**
 * The columns of a btree index that hands rows out in orderBy(sort)'s order: the very expressions,
 * collations and directions (the planner matches an index to ORDER BY by its literal expressions).
 */
export function orderByIndexColumns(sort: SortKey[]): string {
  return sortTerms(sort)
    .map((t) => `(${t.expression})${t.collate} ${t.direction}`)
    .join(', ');
}
