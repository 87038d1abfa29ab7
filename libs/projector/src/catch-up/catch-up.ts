import type { EventStore } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { collectionOf } from '../documents/generation-documents';
import type { Projection } from '../projections/projection';
import { generationCollections } from '../projections/all-projections';
import { applyBatch } from './apply-batch';

export interface CatchUpOptions {
  batchSize?: number;
  /** Stop after this position (inclusive) instead of at the head (verify replays up to the live checkpoint). */
  upTo?: number;
  /** Called after each committed batch with the checkpoint and the number of events in it. */
  onBatch?: (checkpoint: number, events: number) => void;
  /** Checked between batches: stop early when it says so. */
  shouldStop?: () => boolean;
}

export const DEFAULT_BATCH_SIZE = 500;
/**
 * After this many events folded in (and at the end of a catch-up of at least a batch), the read
 * store refreshes its planner statistics: a replay grows tables from nothing, and plans made on
 * empty-table statistics turn scoped lists into full scans (PGlite has no autovacuum at all).
 */
const STATISTICS_EVERY_EVENTS = 10_000;
/** Events folded since the last refresh, per store and generation, across catch-ups (live traffic adds up). */
const unanalysed = new WeakMap<ReadStore, Map<number, number>>();

/** Replays events after the generation's checkpoint in batches, until the head (or `upTo`). Returns the checkpoint. */
export async function catchUp(
  events: EventStore,
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  options: CatchUpOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let checkpoint = (await store.getCheckpoint(projectorCheckpoint(generation))) ?? -1;
  const collections = generationCollections(projections).map((spec) => collectionOf(generation, spec.name));
  const counts = unanalysed.get(store) ?? new Map<number, number>();
  unanalysed.set(store, counts);
  let sinceStatistics = counts.get(generation) ?? 0;
  let applied = 0;
  while (!options.shouldStop?.()) {
    if (options.upTo !== undefined && checkpoint >= options.upTo) break;
    const page = await events.readAll({ after: checkpoint, limit: batchSize });
    const { upTo } = options;
    const batch = upTo === undefined ? page : page.filter((event) => event.position <= upTo);
    if (batch.length === 0) break;
    checkpoint = (await applyBatch(store, generation, projections, batch)) ?? checkpoint;
    options.onBatch?.(checkpoint, batch.length);
    applied += batch.length;
    sinceStatistics += batch.length;
    if (sinceStatistics >= STATISTICS_EVERY_EVENTS) {
      await store.refreshStatistics(collections);
      sinceStatistics = 0;
    }
    if (page.length < batchSize) break;
    // PGlite answers without I/O (microtasks only): let timers and HTTP requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (sinceStatistics > 0 && applied >= batchSize) {
    await store.refreshStatistics(collections);
    sinceStatistics = 0;
  }
  counts.set(generation, sinceStatistics);
  return checkpoint;
}
