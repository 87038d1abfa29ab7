import type { EventStore } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import type { Projection } from '../projections/projection';
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
  while (!options.shouldStop?.()) {
    if (options.upTo !== undefined && checkpoint >= options.upTo) break;
    const page = await events.readAll({ after: checkpoint, limit: batchSize });
    const { upTo } = options;
    const batch = upTo === undefined ? page : page.filter((event) => event.position <= upTo);
    if (batch.length === 0) break;
    checkpoint = (await applyBatch(store, generation, projections, batch)) ?? checkpoint;
    options.onBatch?.(checkpoint, batch.length);
    if (page.length < batchSize) break;
    // PGlite answers without I/O (microtasks only): let timers and HTTP requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return checkpoint;
}
