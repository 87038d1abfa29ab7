import type { RecordFilter } from '@portal/acl';
import type { IndexSpec, SortKey } from './read-store.port';

// Names and paths end up in SQL text and Mongo field names, so only a safe alphabet gets through;
// values never do (they travel as parameters).
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const INDEX_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const DOCUMENT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class InvalidReadStoreNameError extends Error {
  constructor(what: string, name: unknown) {
    super(`Invalid read-store ${what}: ${JSON.stringify(name)}`);
    this.name = 'InvalidReadStoreNameError';
  }
}

export function assertCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new InvalidReadStoreNameError('collection name', collection);
  }
}

export function assertDocumentPath(path: string): void {
  if (typeof path !== 'string' || !DOCUMENT_PATH.test(path)) {
    throw new InvalidReadStoreNameError('document path', path);
  }
}

export function assertIndexSpec(spec: IndexSpec): void {
  if (typeof spec.name !== 'string' || !INDEX_NAME.test(spec.name)) {
    throw new InvalidReadStoreNameError('index name', spec.name);
  }
  if (!Array.isArray(spec.paths) || spec.paths.length === 0) {
    throw new InvalidReadStoreNameError('index paths', spec.paths);
  }
  spec.paths.forEach(assertDocumentPath);
  if (spec.kind !== undefined && spec.kind !== 'btree' && spec.kind !== 'array') {
    throw new InvalidReadStoreNameError('index kind', spec.kind);
  }
}

export function assertSortKeys(sort: SortKey[]): void {
  for (const key of sort) {
    assertDocumentPath(key.path);
    if (key.direction !== 'asc' && key.direction !== 'desc') {
      throw new InvalidReadStoreNameError('sort direction', key.direction);
    }
  }
}

/** Checks every path of a filter before any adapter turns it into a query. */
export function assertFilterPaths(filter: RecordFilter): void {
  switch (filter.kind) {
    case 'all':
    case 'none':
      return;
    case 'and':
    case 'or':
      filter.filters.forEach(assertFilterPaths);
      return;
    default:
      assertDocumentPath(filter.path);
  }
}

export function assertPaging(offset: number | undefined, limit: number | undefined): void {
  if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new InvalidReadStoreNameError('offset', offset);
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new InvalidReadStoreNameError('limit', limit);
  }
}

export function assertDocument(doc: { id: unknown }): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || typeof doc.id !== 'string') {
    throw new InvalidReadStoreNameError('document (a JSON object with a string id)', doc);
  }
}

export function assertCheckpoint(position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new InvalidReadStoreNameError('checkpoint', position);
  }
}
