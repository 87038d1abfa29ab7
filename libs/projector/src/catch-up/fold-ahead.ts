import type { EventStore, RecordedEvent } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { BatchDocuments, type FoldedDocuments } from '../documents/batch-documents';
import { CannotFoldAhead } from '../documents/cannot-fold-ahead.error';
import { GenerationDocuments } from '../documents/generation-documents';
import type { CommittedDocuments, Projection } from '../projections/projection';
import { readsOf } from './apply-batch';
import { markCommitted, putChangeMarks } from './change-marks';
import { preloadProjectionLog } from './projection-log';

/** A batch folded in memory, not written yet: its documents go into the store once `from` is the checkpoint. */
export interface FoldedBatch {
  /** The checkpoint it was folded from (the batch before it, which may still be committing). */
  from: number;
  reached: number;
  documents: BatchDocuments;
  docs: GenerationDocuments;
  /** Folded for a replay into a generation prepared for it (ApplyOptions.exactCheckpoint). */
  exactCheckpoint: boolean;
}

/**
 * Events folded between two turns of the event loop. The batch before commits meanwhile in several
 * round trips (lock, COPYs, checkpoint, COMMIT), each of which needs this process to take the
 * answer and send the next statement; folding resolves only microtasks, so a whole page folded in
 * one go held the commit, and the server waited, until the fold was done.
 */
export const FOLD_SLICE_EVENTS = 200;

/** Log reads that need the committed documents cannot run ahead of the batch before's commit. */
const noCommittedDocuments: CommittedDocuments = {
  find: () => Promise.reject(new CannotFoldAhead()),
};

/**
 * Folds a batch while the batch before it may still be committing (a replay's writes are then
 * the server's work while this process folds): over the documents that batch left (`before`)
 * and, for the others, the committed store, which the batch before does not change. Returns
 * undefined when the batch needs a query (CannotFoldAhead): it is then applied the usual way,
 * after the batch before has committed.
 */
export async function foldAhead(
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
  log: EventStore,
  from: number,
  before: FoldedDocuments | undefined,
  exactCheckpoint: boolean,
): Promise<FoldedBatch | undefined> {
  const fresh = events.filter((event) => event.position > from);
  if (fresh.length === 0) return undefined;
  try {
    const projectionLog = await preloadProjectionLog(
      log,
      store,
      generation,
      projections,
      events,
      noCommittedDocuments,
    );
    const documents = new BatchDocuments({ reads: store, before });
    const docs = new GenerationDocuments(documents, generation);
    await docs.prefetch(readsOf(fresh, projections, exactCheckpoint));
    for (const [i, event] of fresh.entries()) {
      for (const projection of projections) await projection.apply(event, docs, projectionLog);
      if ((i + 1) % FOLD_SLICE_EVENTS === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return { from, reached: fresh[fresh.length - 1].position, documents, docs, exactCheckpoint };
  } catch (error) {
    if (error instanceof CannotFoldAhead) return undefined;
    throw error;
  }
}

/**
 * Writes a folded batch with its checkpoint in one transaction, if the checkpoint is still the
 * one it was folded from (true). False: someone else applied events meanwhile, nothing written.
 */
export async function commitFolded(
  store: ReadStore,
  generation: number,
  batch: FoldedBatch,
): Promise<boolean> {
  let marked: ReturnType<typeof putChangeMarks> | undefined;
  await store.transact(
    projectorCheckpoint(generation),
    async (tx, checkpoint) => {
      if (checkpoint !== batch.from) return undefined;
      marked = putChangeMarks(store, batch.docs, checkpoint, batch.reached);
      batch.documents.writeTo(tx);
      await batch.docs.flush();
      return batch.reached;
    },
    undefined,
    // A replay into a generation of its own: a batch lost with the database is replayed again.
    { asyncCommit: batch.exactCheckpoint },
  );
  if (!marked) return false;
  markCommitted(store, generation, marked);
  return true;
}
