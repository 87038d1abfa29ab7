import type { EventStore } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { catchUp, type BatchApplied } from '../catch-up/catch-up';
import { ensureActiveGeneration, writeActiveGeneration } from '../generation/active-generation';
import {
  buildIndexes,
  dropGeneration,
  existingGenerations,
  prepareGeneration,
} from '../generation/generation-collections';
import type { ProjectorLogger } from '../projector-logger';
import type { Projection } from '../projections/projection';
import { SHADOW_GENERATION } from '../verify/shadow-generation';
import { ProgressMeter, type RebuildProgress } from './rebuild-progress';

/** How long an old generation stays after a switch: longer than any reader caches the pointer (1 s). */
export const DEFAULT_RETIRE_DELAY_MS = 5_000;
/**
 * Events per batch of a replay into a fresh generation (live catch-up uses DEFAULT_BATCH_SIZE):
 * more documents per bulk statement; two pages and one batch's documents stay well under 50 MiB.
 */
export const REPLAY_BATCH_SIZE = 2_000;

export interface RebuildOptions {
  events: EventStore;
  store: ReadStore;
  projections: readonly Projection[];
  version: number;
  logger: ProjectorLogger;
  batchSize?: number;
  retireDelayMs?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Called after each committed batch of the replay (metrics). */
  observe?: (batch: BatchApplied) => void;
  /** After the switch, before the wait: the caller starts following the new generation. */
  onSwitched?: (generation: number) => Promise<void> | void;
  /** After the wait, before the old generations are dropped: the caller stops writing to them. */
  beforeRetire?: (generations: number[]) => Promise<void> | void;
}

export interface RebuildResult {
  from: number;
  to: number;
  events: number;
  checkpoint: number;
  seconds: number;
}

/**
 * Blue-green rebuild: replays the whole history into a fresh generation while readers keep using
 * the active one, switches the pointer once the new one reached the head, then (after readers
 * had time to see the switch) drops the old generations.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { events, store, projections, logger } = options;
  const active = await ensureActiveGeneration(store, options.version);
  const target = Math.max(active.generation, ...(await existingGenerations(store))) + 1;
  await dropGeneration(store, target);
  await prepareGeneration(store, target, projections, { deferIndexes: true });
  const head = await events.headPosition();
  const meter = new ProgressMeter(target, -1, head);
  logger.log(`rebuilding into generation ${target} (active: ${active.generation}, head: ${head})`);
  options.onProgress?.(meter.at(-1));
  const checkpoint = await catchUp(events, store, target, projections, {
    batchSize: options.batchSize ?? REPLAY_BATCH_SIZE,
    refreshStatistics: false,
    // The embedded store runs on this thread: nothing to overlap with.
    foldAhead: store.kind !== 'embedded',
    exactCheckpoint: true,
    onBatch: (reached, count) => options.onProgress?.(meter.advance(reached, count)),
    observe: options.observe,
  });
  logger.log(`generation ${target} reached position ${checkpoint}: building its indexes`);
  await buildIndexes(store, target, projections);
  const finished = meter.at(checkpoint);
  await writeActiveGeneration(store, {
    id: 'active',
    generation: target,
    projectionVersion: options.version,
    switchedAt: new Date().toISOString(),
    previousGeneration: active.generation,
  });
  logger.log(`switched to generation ${target}`);
  await options.onSwitched?.(target);
  await new Promise((resolve) => setTimeout(resolve, options.retireDelayMs ?? DEFAULT_RETIRE_DELAY_MS));
  const old = (await existingGenerations(store)).filter((g) => g !== target && g !== SHADOW_GENERATION);
  await options.beforeRetire?.(old);
  for (const generation of old) await dropGeneration(store, generation);
  return {
    from: active.generation,
    to: target,
    events: finished.events,
    checkpoint,
    seconds: finished.elapsedSeconds,
  };
}
