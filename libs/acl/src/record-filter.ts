/**
 * A store-neutral filter over read-model record documents. The ScopeFilter produces it; each
 * read-store adapter translates it (SQL over JSONB, MongoDB queries), and `matchesRecordFilter`
 * evaluates it in memory, which is the reference every adapter's contract test compares with.
 *
 * Paths are dotted paths into the document (`accountIds`, `fields.status`).
 * Comparisons are strict JSON equality (the string "1" is not the number 1).
 * A missing path counts as null: `eq null` matches it, `ne "x"` and `notIn` match it (as MongoDB does).
 * `eq`/`ne`/`in`/`notIn` compare scalars only: an array or object at the path equals nothing.
 * `overlaps` matches when the array at the path shares at least one value with `values`.
 * `isEmpty` matches when the path holds nothing: missing, null or an empty array (added for rules
 * such as "an article with no account links is portal-wide", which no other kind can express).
 */
export type Scalar = string | number | boolean | null;

export type RecordFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'and'; filters: RecordFilter[] }
  | { kind: 'or'; filters: RecordFilter[] }
  | { kind: 'eq'; path: string; value: Scalar }
  | { kind: 'ne'; path: string; value: Scalar }
  | { kind: 'in'; path: string; values: Scalar[] }
  | { kind: 'notIn'; path: string; values: Scalar[] }
  | { kind: 'overlaps'; path: string; values: Scalar[] }
  | { kind: 'isEmpty'; path: string };

export const ALL: RecordFilter = { kind: 'all' };
export const NONE: RecordFilter = { kind: 'none' };

export function and(...filters: RecordFilter[]): RecordFilter {
  return { kind: 'and', filters };
}

export function or(...filters: RecordFilter[]): RecordFilter {
  return { kind: 'or', filters };
}

function valueAt(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function sameScalar(a: unknown, b: Scalar): boolean {
  return (a === undefined ? null : a) === b;
}

/** Evaluates a filter against one document in memory. */
export function matchesRecordFilter(doc: unknown, filter: RecordFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'and':
      return filter.filters.every((f) => matchesRecordFilter(doc, f));
    case 'or':
      return filter.filters.some((f) => matchesRecordFilter(doc, f));
    case 'eq':
      return sameScalar(valueAt(doc, filter.path), filter.value);
    case 'ne':
      return !sameScalar(valueAt(doc, filter.path), filter.value);
    case 'in': {
      const v = valueAt(doc, filter.path);
      return filter.values.some((x) => sameScalar(v, x));
    }
    case 'notIn': {
      const v = valueAt(doc, filter.path);
      return !filter.values.some((x) => sameScalar(v, x));
    }
    case 'overlaps': {
      const v = valueAt(doc, filter.path);
      return Array.isArray(v) && v.some((item) => filter.values.some((x) => x !== null && item === x));
    }
    case 'isEmpty': {
      const v = valueAt(doc, filter.path);
      return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
    }
  }
}
