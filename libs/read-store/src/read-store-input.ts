import type { RecordFilter } from '@portal/acl';
import type { CollectionOptions, IndexSpec, PathTypes, SortKey } from './read-store.port';

// Names and paths end up in SQL text and Mongo field names, so only a safe alphabet gets through;
// values never do (they travel as parameters). Checked by every adapter, so all refuse the same.
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const INDEX_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const DOCUMENT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class InvalidReadStoreInputError extends Error {
  constructor(what: string, name: unknown) {
    super(`Invalid read-store ${what}: ${JSON.stringify(name)}`);
    this.name = 'InvalidReadStoreInputError';
  }
}

export function assertCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new InvalidReadStoreInputError('collection name', collection);
  }
}

/** An opaque collection is read by id only: an index on it would promise queries it is not kept for. */
export function assertCollectionOptions(indexes: readonly IndexSpec[], options: CollectionOptions): void {
  assertPathTypes(options.pathTypes);
  if (options.opaque && indexes.length > 0) {
    throw new InvalidReadStoreInputError(
      'indexes of an opaque collection',
      indexes.map((spec) => spec.name),
    );
  }
}

/** Declared path types (CollectionOptions.pathTypes): checked paths, and only the types a store knows. */
export function assertPathTypes(types: PathTypes | undefined): void {
  if (types === undefined) return;
  if (types === null || typeof types !== 'object' || Array.isArray(types)) {
    throw new InvalidReadStoreInputError('path types', types);
  }
  for (const [path, type] of Object.entries(types)) {
    assertDocumentPath(path);
    if (type !== 'string' && type !== 'boolean') throw new InvalidReadStoreInputError('path type', type);
  }
}

export function assertDocumentPath(path: string): void {
  if (typeof path !== 'string' || !DOCUMENT_PATH.test(path)) {
    throw new InvalidReadStoreInputError('document path', path);
  }
}

export function assertIndexSpec(spec: IndexSpec): void {
  if (typeof spec.name !== 'string' || !INDEX_NAME.test(spec.name)) {
    throw new InvalidReadStoreInputError('index name', spec.name);
  }
  if (!Array.isArray(spec.paths) || spec.paths.length === 0) {
    throw new InvalidReadStoreInputError('index paths', spec.paths);
  }
  spec.paths.forEach(assertDocumentPath);
  if (spec.kind !== undefined && spec.kind !== 'btree' && spec.kind !== 'array' && spec.kind !== 'counts') {
    throw new InvalidReadStoreInputError('index kind', spec.kind);
  }
  if (
    spec.kind === 'counts' &&
    spec.paths.some((path, i) => spec.paths.some((other, j) => i !== j && within(path, other)))
  ) {
    throw new InvalidReadStoreInputError('counted paths (repeated or one inside another)', spec.paths);
  }
  if (spec.sort !== undefined) {
    const kind = spec.kind ?? 'btree';
    if (
      (kind !== 'btree' && !(kind === 'array' && spec.paths.length === 1)) ||
      !Array.isArray(spec.sort) ||
      spec.sort.length === 0
    )
      throw new InvalidReadStoreInputError('index sort', spec.sort);
    assertSortKeys(spec.sort);
  }
}

/** `path` is `other` or lies inside it (`a.b` inside `a`). */
function within(path: string, other: string): boolean {
  return path === other || path.startsWith(`${other}.`);
}

export function assertSortKeys(sort: SortKey[]): void {
  for (const key of sort) {
    assertDocumentPath(key.path);
    if (key.direction !== 'asc' && key.direction !== 'desc') {
      throw new InvalidReadStoreInputError('sort direction', key.direction);
    }
  }
}

/** Checks every path of a filter before any adapter turns it into a query. */
export function assertFilter(filter: RecordFilter): void {
  switch (filter.kind) {
    case 'all':
    case 'none':
      return;
    case 'and':
    case 'or':
      filter.filters.forEach(assertFilter);
      return;
    case 'eq':
    case 'ne':
      assertDocumentPath(filter.path);
      assertScalar(filter.value);
      return;
    case 'in':
    case 'notIn':
    case 'overlaps':
      assertDocumentPath(filter.path);
      filter.values.forEach(assertScalar);
      return;
    default:
      assertDocumentPath(filter.path);
  }
}

/** JSON scalars only; NaN and ±Infinity have no JSON form, so they could only match by accident. */
function assertScalar(value: unknown): void {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok) throw new InvalidReadStoreInputError('filter value', String(value));
}

export function assertPaging(offset: number | undefined, limit: number | undefined): void {
  if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new InvalidReadStoreInputError('offset', offset);
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new InvalidReadStoreInputError('limit', limit);
  }
}

export function assertDocument(doc: { id: unknown }): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || typeof doc.id !== 'string') {
    // The document itself stays out of the message: it may hold personal data.
    throw new InvalidReadStoreInputError('document', 'not a JSON object with a string id');
  }
}

export function assertCheckpoint(position: number): void {
  if (!Number.isSafeInteger(position)) {
    throw new InvalidReadStoreInputError('checkpoint', position);
  }
}
