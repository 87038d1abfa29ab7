import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { BatchDocuments } from '../documents/batch-documents';
import { collectionOf, GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from '../projections/projection';
import { generationCollections } from '../projections/all-projections';

/** Generation numbers that have collections in the store (live, being rebuilt, or left over). */
export async function existingGenerations(store: ReadStore): Promise<number[]> {
  const generations = new Set<number>();
  for (const name of await store.listCollections()) {
    const match = /^g(\d+)_/.exec(name);
    if (match) generations.add(Number(match[1]));
  }
  return [...generations].sort((a, b) => a - b);
}

/**
 * Creates a generation's collections and indexes (idempotent) and writes what exists before any
 * event, once: the seed commits with the generation's first checkpoint (-1, nothing applied).
 */
export async function prepareGeneration(
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
): Promise<void> {
  for (const spec of generationCollections(projections)) {
    await store.ensureCollection(collectionOf(generation, spec.name), spec.indexes);
  }
  await store.transact(projectorCheckpoint(generation), async (tx, checkpoint) => {
    if (checkpoint !== undefined) return undefined;
    const docs = new GenerationDocuments(new BatchDocuments(tx), generation);
    for (const projection of projections) await projection.seed?.(docs);
    await docs.flush();
    return -1;
  });
}

/** Drops every collection of a generation and its checkpoint. */
export async function dropGeneration(store: ReadStore, generation: number): Promise<void> {
  const prefix = `g${generation}_`;
  for (const name of await store.listCollections()) {
    if (name.startsWith(prefix)) await store.dropCollection(name);
  }
  await store.deleteCheckpoint(projectorCheckpoint(generation));
}
