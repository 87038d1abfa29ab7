import type { EventStore } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { catchUp } from '../catch-up/catch-up';
import { readActiveGeneration } from '../generation/active-generation';
import { dropGeneration, prepareGeneration } from '../generation/generation-collections';
import type { ProjectorLogger } from '../projector-logger';
import { generationCollections } from '../projections/all-projections';
import type { Projection } from '../projections/projection';
import type { RebuildProgress } from '../rebuild/rebuild-progress';
import { ProgressMeter } from '../rebuild/rebuild-progress';
import { REPLAY_BATCH_SIZE } from '../rebuild/rebuild';
import { compareGenerations, type DocumentDifference } from './compare-generations';
import { SHADOW_GENERATION } from './shadow-generation';

export interface VerifyOptions {
  events: EventStore;
  store: ReadStore;
  projections: readonly Projection[];
  logger: ProjectorLogger;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** The live generation moves on while it is compared: compare again this many times at most. */
  attempts?: number;
}

export interface VerifyResult {
  generation: number;
  /** The position both sides were compared at. */
  checkpoint: number;
  differences: DocumentDifference[];
}

/**
 * Replays the history into a shadow generation up to the live checkpoint and compares every
 * collection with the live generation. A difference means the live read models drifted from what
 * the events say (a bug, or a hand edit). The shadow generation is dropped afterwards.
 */
export async function verifyReadModels(options: VerifyOptions): Promise<VerifyResult> {
  const { events, store, projections } = options;
  const active = await readActiveGeneration(store);
  if (!active) throw new Error('No active generation: the projector has never run on this store');
  const live = projectorCheckpoint(active.generation);
  const names = generationCollections(projections).map((c) => c.name);
  await dropGeneration(store, SHADOW_GENERATION);
  try {
    // Compared by id only: the shadow generation needs no secondary index beyond what folding queries.
    await prepareGeneration(store, SHADOW_GENERATION, projections, { deferIndexes: true });
    const attempts = options.attempts ?? 5;
    let result: VerifyResult | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const target = (await store.getCheckpoint(live)) ?? -1;
      const meter = new ProgressMeter(SHADOW_GENERATION, -1, target);
      const checkpoint = await catchUp(events, store, SHADOW_GENERATION, projections, {
        batchSize: options.batchSize ?? REPLAY_BATCH_SIZE,
        refreshStatistics: false,
        // The embedded store runs on this thread: nothing to overlap with.
        foldAhead: store.kind !== 'embedded',
        exactCheckpoint: true,
        upTo: target,
        onBatch: (reached, count) => options.onProgress?.(meter.advance(reached, count)),
      });
      const differences = await compareGenerations(store, SHADOW_GENERATION, active.generation, names);
      result = { generation: active.generation, checkpoint, differences };
      const moved = ((await store.getCheckpoint(live)) ?? -1) !== target;
      if (differences.length === 0 || !moved) break;
      options.logger.log(
        `the live generation moved on while compared: comparing again (${attempt}/${attempts})`,
      );
    }
    return result!;
  } finally {
    await dropGeneration(store, SHADOW_GENERATION);
  }
}
