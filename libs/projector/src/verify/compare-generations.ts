import type { Document, ReadStore } from '@portal/read-store';
import { collectionOf, type GenerationCollectionName } from '../documents/generation-documents';
import { canonicalJson } from './canonical-json';

export interface DocumentDifference {
  collection: GenerationCollectionName;
  id: string;
  kind: 'missing' | 'unexpected' | 'different';
  /** The expected (replayed) and actual (live) documents, for `different`. */
  expected?: unknown;
  actual?: unknown;
}

const PAGE = 1_000;

/** Every document of a collection, by id, a page at a time (keyset paging: each page costs the same). */
async function* documentsOf(store: ReadStore, collection: string): AsyncGenerator<Document> {
  for (let after: string | undefined; ;) {
    const items = await store.scan(collection, after, PAGE);
    yield* items;
    if (items.length < PAGE) return;
    after = items[items.length - 1].id;
  }
}

/**
 * Compares two generations collection by collection; lists every difference. The expected side is
 * held in memory as canonical JSON (one collection at a time), the live side streamed past it.
 */
export async function compareGenerations(
  store: ReadStore,
  expectedGeneration: number,
  actualGeneration: number,
  names: readonly GenerationCollectionName[],
): Promise<DocumentDifference[]> {
  const differences: DocumentDifference[] = [];
  for (const name of names) {
    const expected = new Map<string, string>();
    for await (const doc of documentsOf(store, collectionOf(expectedGeneration, name))) {
      expected.set(doc.id, canonicalJson(doc));
    }
    for await (const doc of documentsOf(store, collectionOf(actualGeneration, name))) {
      const want = expected.get(doc.id);
      expected.delete(doc.id);
      if (want === undefined) differences.push({ collection: name, id: doc.id, kind: 'unexpected' });
      else if (want !== canonicalJson(doc)) {
        differences.push({
          collection: name,
          id: doc.id,
          kind: 'different',
          expected: JSON.parse(want),
          actual: doc,
        });
      }
    }
    for (const id of expected.keys()) differences.push({ collection: name, id, kind: 'missing' });
  }
  return differences;
}
