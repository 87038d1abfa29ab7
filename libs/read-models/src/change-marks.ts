import type { ReadModelName } from './collections';

/**
 * A generation's change marks (collection `g<N>_change_marks`, written by the projector in the
 * transaction of each batch, with its checkpoint): per read model, the checkpoint of the last batch
 * that wrote it, and under CHANGE_MARKS_BATCH the last batch that kept the marks at all. The API
 * keys what it caches from a few read models on their marks instead of on the checkpoint, which
 * every event moves (see apps/api/src/auth/read-model-cache/checkpoint-cache.ts).
 */
export const CHANGE_MARKS = 'change_marks';

/** The id of the mark of the batch itself. */
export const CHANGE_MARKS_BATCH = '*';

export interface ChangeMarkDoc {
  [key: string]: unknown;
  /** A read model's name, or CHANGE_MARKS_BATCH. */
  id: ReadModelName | typeof CHANGE_MARKS_BATCH;
  /** The checkpoint of the batch that wrote the read model (or, for the batch mark, any batch). */
  position: number;
  /**
   * Batch mark only: since which checkpoint every batch kept the marks. A batch applied without
   * them (a projector of an older version on the same generation) starts a new run: whatever was
   * cached before it is dropped, since the marks do not say what that batch changed.
   */
  since?: number;
}
