import type { EventStore, RecordedEvent } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { DocumentsWanted, ReadStore } from '@portal/read-store';
import { BatchDocuments } from '../documents/batch-documents';
import { AGGREGATE_STATES, GenerationDocuments, collectionOf } from '../documents/generation-documents';
import type { DocumentKey, Projection } from '../projections/projection';
import { markCommitted, putChangeMarks } from './change-marks';
import { preloadProjectionLog } from './projection-log';

/** What folding these events reads: each event's stream state, and what projections say they read. */
function* readsOf(
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
): Iterable<DocumentKey> {
  for (const event of events) {
    yield { name: AGGREGATE_STATES, id: event.stream };
    for (const projection of projections) if (projection.reads) yield* projection.reads(event);
  }
}

/** readsOf by collection, as the store reads them with the checkpoint's lock. */
function firstReadsOf(
  generation: number,
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
): DocumentsWanted[] {
  const byCollection = new Map<string, Set<string>>();
  for (const { name, id } of readsOf(events, projections)) {
    const collection = collectionOf(generation, name);
    const ids = byCollection.get(collection) ?? new Set<string>();
    ids.add(id);
    byCollection.set(collection, ids);
  }
  return [...byCollection].map(([collection, ids]) => ({ collection, ids: [...ids] }));
}

/**
 * Applies events (in global order) to a generation in one transaction with its checkpoint:
 * events at or below the stored checkpoint are skipped, so a batch delivered twice, or after a
 * crash between commit and acknowledgement, changes nothing. Returns the checkpoint after it.
 * `log` is the store the events came from (a projection may read a stream's earlier events).
 * `after`: the position the events were read after. A stored checkpoint below it means events
 * in between are missing from `events`: then nothing is applied, and the stored checkpoint is
 * returned for the caller to read from.
 */
export async function applyBatch(
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
  log: EventStore,
  after?: number,
): Promise<number | undefined> {
  let reached: number | undefined;
  let marked: ReturnType<typeof putChangeMarks> | undefined;
  const projectionLog = await preloadProjectionLog(log, store, generation, projections, events);
  // What the prefetch will read, for every event (those at or below the checkpoint are usually
  // none): read with the checkpoint and its lock, one round trip fewer where the store can.
  const firstReads = firstReadsOf(generation, events, projections);
  await store.transact(
    projectorCheckpoint(generation),
    async (tx, checkpoint) => {
      reached = checkpoint;
      if (after !== undefined && (checkpoint ?? -1) < after) return undefined;
      const fresh = events.filter((event) => checkpoint === undefined || event.position > checkpoint);
      if (fresh.length === 0) return undefined;
      const docs = new GenerationDocuments(new BatchDocuments(tx), generation);
      // Each document the batch touches is read once, in bulk, before the fold (which then runs in memory).
      await docs.prefetch(readsOf(fresh, projections));
      for (const event of fresh) {
        for (const projection of projections) await projection.apply(event, docs, projectionLog);
      }
      reached = fresh[fresh.length - 1].position;
      marked = putChangeMarks(store, docs, checkpoint, reached);
      await docs.flush();
      return reached;
    },
    firstReads,
  );
  if (marked) markCommitted(store, generation, marked);
  return reached;
}
