import { CHANGE_MARKS, projectorCheckpoint } from '@portal/read-models';
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

export interface PrepareOptions {
  /**
   * Create only the indexes projections query while folding; buildIndexes adds the others after
   * the load. For a fresh generation nobody reads yet: bulk-loading a table and then building
   * each index once is much cheaper than keeping every index up to date row by row.
   */
  deferIndexes?: boolean;
}

/**
 * Creates a generation's collections and indexes (idempotent) and writes what exists before any
 * event, once: the seed commits with the generation's first checkpoint (-1, nothing applied).
 */
export async function prepareGeneration(
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  options: PrepareOptions = {},
): Promise<void> {
  for (const spec of generationCollections(projections)) {
    const indexes = options.deferIndexes && !spec.queriedWhileProjecting ? [] : spec.indexes;
    await store.ensureCollection(collectionOf(generation, spec.name), indexes, {
      opaque: spec.opaque,
      pathTypes: spec.pathTypes,
    });
  }
  // Beside the read models, not one of them (verify compares read models: marks differ by batching).
  await store.ensureCollection(collectionOf(generation, CHANGE_MARKS));
  await store.transact(projectorCheckpoint(generation), async (tx, checkpoint) => {
    if (checkpoint !== undefined) return undefined;
    const docs = new GenerationDocuments(new BatchDocuments(tx), generation);
    for (const projection of projections) await projection.seed?.(docs);
    await docs.flush();
    return -1;
  });
}

/**
 * Builds every index of a generation prepared with deferIndexes (idempotent) and refreshes the
 * planner statistics: after this, the generation serves queries like one kept live all along.
 */
export async function buildIndexes(
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
): Promise<void> {
  const specs = generationCollections(projections);
  // Collections that kept their indexes from the start, or have none, are left alone.
  for (const spec of specs)
    if (!spec.queriedWhileProjecting && spec.indexes.length > 0)
      await store.ensureCollection(collectionOf(generation, spec.name), spec.indexes, {
        opaque: spec.opaque,
        pathTypes: spec.pathTypes,
      });
  await store.refreshStatistics(analysedCollections(generation, projections));
}

/**
 * The collections of a generation whose planner statistics are kept: not the opaque ones (the
 * aggregate states), read by id only, where the planner has no choice to make (sampling them was
 * about a third of the ANALYZE after a replay).
 */
export function analysedCollections(generation: number, projections: readonly Projection[]): string[] {
  return generationCollections(projections)
    .filter((spec) => !spec.opaque)
    .map((spec) => collectionOf(generation, spec.name));
}

/** Drops every collection of a generation and its checkpoint. */
export async function dropGeneration(store: ReadStore, generation: number): Promise<void> {
  const prefix = `g${generation}_`;
  for (const name of await store.listCollections()) {
    if (name.startsWith(prefix)) await store.dropCollection(name);
  }
  await store.deleteCheckpoint(projectorCheckpoint(generation));
}
