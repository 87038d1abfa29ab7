// Generators for the contract's property tests: small documents and filters over a handful of
// paths and values, so generated filters often hit generated documents, including the edge cases
// (null vs missing, arrays vs scalars, "1" vs 1, objects in the middle of a path).
import fc from 'fast-check';
import type { RecordFilter, Scalar } from '@portal/acl';

const KEYS = ['a', 'b', 'c'] as const;
export const PATHS = ['a', 'b', 'c', 'a.a', 'a.b', 'b.c', 'a.b.c', 'id'] as const;

export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Scalar>('x', 'y', '1', 1, 2, true, false, null, 'd1') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Scalar>('X', '', `q"'\\{,}`, 'é', 0, 1.5, -3, 2 ** 53 - 1, 1e21, -0.25),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);

type Json = Scalar | Json[] | { [key: string]: Json };

const jsonArb: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 6, arbitrary: scalarArb },
    { weight: 2, arbitrary: fc.array(tie('json'), { maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tie('json'), { maxKeys: 3, noNullPrototype: true }),
    },
  ),
})).json;

/** Documents d0, d1, … with random bodies (ids are unique by construction). */
export const documentsArb = fc
  .array(
    fc.dictionary(fc.constantFrom(...KEYS), jsonArb, { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
    { minLength: 2, maxLength: 12 },
  )
  .map((bodies) => bodies.map((body, i) => ({ ...body, id: `d${i}` })));

const pathArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<string>('a', 'b', 'c') },
  { weight: 2, arbitrary: fc.constantFrom<string>(...PATHS) },
);
const valuesArb = fc.array(scalarArb, { maxLength: 3 });

const leafArb: fc.Arbitrary<RecordFilter> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('eq' as const, 'ne' as const),
      path: pathArb,
      value: scalarArb,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('in' as const, 'notIn' as const, 'overlaps' as const),
      path: pathArb,
      values: valuesArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('isEmpty' as const), path: pathArb }) },
  { weight: 1, arbitrary: fc.constantFrom<RecordFilter>({ kind: 'all' }, { kind: 'none' }) },
);

export const recordFilterArb: fc.Arbitrary<RecordFilter> = fc.letrec<{ filter: RecordFilter }>((tie) => ({
  filter: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 3, arbitrary: leafArb },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        filters: fc.array(tie('filter'), { maxLength: 3 }),
      }),
    },
  ),
})).filter;

/** Documents whose sort field `a` holds a scalar or nothing: the order the contract defines. */
export const sortableDocumentsArb = fc
  .array(fc.option(scalarArb, { nil: undefined }), { maxLength: 12 })
  .map((values) => values.map((a, i) => (a === undefined ? { id: `s${i}` } : { id: `s${i}`, a })));

const rank = (v: unknown): number =>
  typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : typeof v === 'boolean' ? 5 : 6;

/**
 * The documented sort order on one scalar path, ascending or descending, ties by id: missing and
 * null last ascending (first descending); numbers < strings < booleans; strings by code point.
 */
export function compareBySortContract(direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (x: { id: string; a?: Scalar }, y: { id: string; a?: Scalar }): number =>
    sign * (rank(x.a) - rank(y.a)) || sign * compareSameRank(x.a, y.a) || codePointCompare(x.id, y.id);
}

function compareSameRank(u: Scalar | undefined, v: Scalar | undefined): number {
  if (typeof u === 'number' && typeof v === 'number') return u - v;
  if (typeof u === 'string' && typeof v === 'string') return codePointCompare(u, v);
  if (typeof u === 'boolean' && typeof v === 'boolean') return Number(u) - Number(v);
  return 0;
}

function codePointCompare(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0) ?? 0);
  const cb = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}
