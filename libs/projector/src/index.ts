export { Projector, type ProjectorOptions, type ProjectorStatus } from './projector';
export { PROJECTION_VERSION } from './projection-version';
export { consoleProjectorLogger, silentProjectorLogger, type ProjectorLogger } from './projector-logger';
export type { ProjectorObserver, ProjectorWork } from './projector-observer';
export {
  projectorHealthCheck,
  projectionLagHealthCheck,
  type ProjectorHealthCheck,
} from './projector-health';
export { measureProjectionLag, type ProjectionLag } from './lag/projection-lag';
export {
  rebuildReadModels,
  DEFAULT_RETIRE_DELAY_MS,
  REPLAY_BATCH_SIZE,
  type RebuildOptions,
  type RebuildResult,
} from './rebuild/rebuild';
export type { RebuildProgress } from './rebuild/rebuild-progress';
export { progressReporterFor, type ProgressReporter } from './rebuild/progress-reporter';
export { verifyReadModels, type VerifyOptions, type VerifyResult } from './verify/verify';
export type { DocumentDifference } from './verify/compare-generations';
export { SHADOW_GENERATION } from './verify/shadow-generation';
export { ALL_PROJECTIONS, generationCollections } from './projections/all-projections';
export type { Projection, CollectionSpec } from './projections/projection';
export {
  AGGREGATE_STATES,
  collectionOf,
  type GenerationCollectionName,
} from './documents/generation-documents';
export { applyBatch } from './catch-up/apply-batch';
export { catchUp, DEFAULT_BATCH_SIZE, type BatchApplied, type CatchUpOptions } from './catch-up/catch-up';
export {
  readActiveGeneration,
  ensureActiveGeneration,
  type ActiveGeneration,
} from './generation/active-generation';
export {
  prepareGeneration,
  buildIndexes,
  dropGeneration,
  existingGenerations,
} from './generation/generation-collections';
