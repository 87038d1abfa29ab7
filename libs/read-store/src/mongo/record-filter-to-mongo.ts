import type { RecordFilter, Scalar } from '@portal/acl';
import type { Document as MongoQuery } from 'mongodb';
import type { SortKey } from '../read-store.port';
import { InvalidReadStoreInputError } from '../read-store-input';

/*
 * RecordFilter → MongoDB query with the reference semantics of `matchesRecordFilter`. MongoDB's
 * own rules differ in three places, each guarded here:
 * - `{a: v}` also matches an array holding v: scalar comparisons add `$not: {$type: 'array'}`.
 * - a dotted path walks through arrays (`{'a.b': 1}` matches `{a: [{b: 1}]}`), where the reference
 *   finds nothing: every step before the last must not be an array.
 * - `{a: null}` and `$ne`/`$nin` look into arrays too: "null or missing" is built as the negation
 *   of "a value is there", and ne/notIn as the negation of eq/in, all with the guards above.
 * The guards are extra conditions beside the indexable one (`$eq`/`$in` on the path), so an index
 * on the path still drives the query.
 */

/** `_id` holds the document id in this adapter; the reference never sees such a field. */
export function assertMongoPath(path: string): void {
  if (path === '_id' || path.startsWith('_id.')) throw new InvalidReadStoreInputError('document path', path);
}

const NOTHING: MongoQuery = { _id: { $in: [] } };

function allOf(parts: MongoQuery[]): MongoQuery {
  const kept = parts.filter((part) => Object.keys(part).length > 0);
  if (kept.length === 0) return {};
  return kept.length === 1 ? kept[0] : { $and: kept };
}

function anyOf(parts: MongoQuery[]): MongoQuery {
  if (parts.length === 0) return NOTHING;
  return parts.length === 1 ? parts[0] : { $or: parts };
}

function not(query: MongoQuery): MongoQuery {
  return { $nor: [query] };
}

/** Every step before the last is not an array (missing or a scalar is fine: nothing is found). */
function noArrayOnTheWay(path: string): MongoQuery[] {
  const steps = path.split('.');
  return steps
    .slice(0, -1)
    .map((_, i) => ({ [steps.slice(0, i + 1).join('.')]: { $not: { $type: 'array' } } }));
}

/** The value at path is one of `values` (non-null scalars), itself, not inside an array. */
function isOneOf(path: string, values: Scalar[]): MongoQuery {
  const match = values.length === 1 ? { $eq: values[0] } : { $in: values };
  return allOf([...noArrayOnTheWay(path), { [path]: { ...match, $not: { $type: 'array' } } }]);
}

/** Some value other than null is at path (an array counts, even one holding null). */
function hasValue(path: string): MongoQuery {
  return allOf([
    ...noArrayOnTheWay(path),
    { $or: [{ [path]: { $type: 'array' } }, { [path]: { $exists: true, $not: { $type: 'null' } } }] },
  ]);
}

function isIn(path: string, values: Scalar[]): MongoQuery {
  const listed = values.filter((v) => v !== null);
  const parts: MongoQuery[] = [];
  if (listed.length > 0) parts.push(isOneOf(path, listed));
  if (listed.length < values.length) parts.push(not(hasValue(path)));
  return anyOf(parts);
}

export function recordFilterToMongo(filter: RecordFilter): MongoQuery {
  switch (filter.kind) {
    case 'all':
      return {};
    case 'none':
      return NOTHING;
    case 'and':
      // An empty $and is invalid in MongoDB; allOf of nothing is "everything".
      return allOf(filter.filters.map(recordFilterToMongo));
    case 'or':
      return anyOf(filter.filters.map(recordFilterToMongo));
    case 'eq':
      assertMongoPath(filter.path);
      return filter.value === null ? not(hasValue(filter.path)) : isOneOf(filter.path, [filter.value]);
    case 'ne':
      assertMongoPath(filter.path);
      return filter.value === null ? hasValue(filter.path) : not(isOneOf(filter.path, [filter.value]));
    case 'in':
      assertMongoPath(filter.path);
      return isIn(filter.path, filter.values);
    case 'notIn':
      assertMongoPath(filter.path);
      return filter.values.length === 0 ? {} : not(isIn(filter.path, filter.values));
    case 'overlaps': {
      assertMongoPath(filter.path);
      const values = filter.values.filter((v) => v !== null);
      if (values.length === 0) return NOTHING;
      // `$in` on an array field matches its elements (a multikey index serves it); `$type` keeps
      // scalars out. Elements compare by value and type, so "1" never matches 1.
      return allOf([...noArrayOnTheWay(filter.path), { [filter.path]: { $type: 'array', $in: values } }]);
    }
    case 'isEmpty':
      assertMongoPath(filter.path);
      return anyOf([
        not(hasValue(filter.path)),
        allOf([...noArrayOnTheWay(filter.path), { [filter.path]: { $size: 0 } }]),
      ]);
    default:
      return unknownFilter(filter);
  }
}

function unknownFilter(filter: never): never {
  throw new Error(`Unsupported record filter kind: ${(filter as { kind: string }).kind}`);
}

/**
 * The aggregation stages that sort like the SQL adapter: a computed key per sort path puts missing
 * and null last ascending (first descending) — MongoDB alone would sort them first ascending —
 * then MongoDB's type order (numbers < strings < objects < arrays < booleans; strings by code
 * point, as no collation is set), ties by `_id` (the document id).
 */
export function sortStages(sort: SortKey[]): { addFields: MongoQuery; sort: MongoQuery; unset: string[] } {
  const addFields: MongoQuery = {};
  const order: MongoQuery = {};
  sort.forEach((key, i) => {
    assertMongoPath(key.path);
    const direction = key.direction === 'desc' ? -1 : 1;
    const nullish = `__rs_nullish_${i}`;
    addFields[nullish] = { $cond: [{ $in: [{ $type: `$${key.path}` }, ['missing', 'null']] }, 1, 0] };
    order[nullish] = direction;
    order[key.path] = direction;
  });
  order._id = 1;
  return { addFields, sort: order, unset: Object.keys(addFields) };
}
