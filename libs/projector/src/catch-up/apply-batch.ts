import type { EventStore, RecordedEvent } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { DocumentsWanted, ReadStore } from '@portal/read-store';
import { BatchDocuments } from '../documents/batch-documents';
import { AGGREGATE_STATES, GenerationDocuments, collectionOf } from '../documents/generation-documents';
import type { DocumentKey, Projection } from '../projections/projection';
import { markCommitted, putChangeMarks } from './change-marks';
import { preloadProjectionLog } from './projection-log';

/**
 * What folding these events reads: each event's stream state, and what projections say they read.
 * Documents marked absent are taken as such only where the generation holds exactly the events up
 * to its checkpoint (`exactCheckpoint`); elsewhere a stream's first event may be in already.
 */
export function* readsOf(
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
  exactCheckpoint: boolean,
): Iterable<DocumentKey> {
  for (const event of events) {
    // Only folding its own stream writes a stream's state: before the stream's first event there is none.
    yield { name: AGGREGATE_STATES, id: event.stream, absent: exactCheckpoint && event.revision === 0 };
    for (const projection of projections) {
      if (!projection.reads) continue;
      for (const key of projection.reads(event))
        yield exactCheckpoint || !key.absent ? key : { name: key.name, id: key.id };
    }
  }
}

/**
 * readsOf by collection, as the store reads them with the checkpoint's lock (those taken as absent
 * are not read).
 */
function firstReadsOf(
  generation: number,
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
  exactCheckpoint: boolean,
): DocumentsWanted[] {
  const byCollection = new Map<string, Set<string>>();
  for (const { name, id, absent } of readsOf(events, projections, exactCheckpoint)) {
    if (absent) continue;
    const collection = collectionOf(generation, name);
    const ids = byCollection.get(collection) ?? new Set<string>();
    ids.add(id);
    byCollection.set(collection, ids);
  }
  return [...byCollection].map(([collection, ids]) => ({ collection, ids: [...ids] }));
}

/** Batches of at most this many events are written optimistically (ReadStore's TransactOptions). */
const OPTIMISTIC_MAX_EVENTS = 64;

export interface ApplyOptions {
  /**
   * The generation holds exactly the events up to its checkpoint: a replay into a generation
   * prepared for it, which nothing else writes. Its streams' first events then look nothing of
   * their own up. Without it (live), events past a lost checkpoint are still no-ops.
   */
  exactCheckpoint?: boolean;
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
  options: ApplyOptions = {},
): Promise<number | undefined> {
  let reached: number | undefined;
  let marked: ReturnType<typeof putChangeMarks> | undefined;
  const projectionLog = await preloadProjectionLog(log, store, generation, projections, events);
  // What the prefetch will read, for every event (those at or below the checkpoint are usually
  // none): read with the checkpoint and its lock, one round trip fewer where the store can.
  const firstReads = firstReadsOf(generation, events, projections, options.exactCheckpoint === true);
  // A live batch (a few events): without BEGIN, lock and COMMIT where nothing else moved the
  // checkpoint meanwhile; a long one is not folded twice when that fails, and a replay keeps the
  // lock (and its asynchronous commit).
  const optimistic = options.exactCheckpoint !== true && events.length <= OPTIMISTIC_MAX_EVENTS;
  await store.transact(
    projectorCheckpoint(generation),
    async (tx, checkpoint) => {
      // Run again under the lock when the optimistic run could not commit: nothing of that one stays.
      marked = undefined;
      reached = checkpoint;
      if (after !== undefined && (checkpoint ?? -1) < after) return undefined;
      const fresh = events.filter((event) => checkpoint === undefined || event.position > checkpoint);
      if (fresh.length === 0) return undefined;
      const docs = new GenerationDocuments(
        new BatchDocuments(tx, { oneWritePerCollection: optimistic }),
        generation,
      );
      // Each document the batch touches is read once, in bulk, before the fold (which then runs in memory).
      const exact = options.exactCheckpoint === true && checkpoint !== undefined;
      await docs.prefetch(readsOf(fresh, projections, exact));
      for (const event of fresh) {
        for (const projection of projections) await projection.apply(event, docs, projectionLog);
      }
      reached = fresh[fresh.length - 1].position;
      marked = putChangeMarks(store, docs, checkpoint, reached);
      await docs.flush();
      return reached;
    },
    firstReads,
    // A replay into a generation of its own: a batch lost with the database is replayed again.
    { asyncCommit: options.exactCheckpoint === true, optimistic },
  );
  if (marked) markCommitted(store, generation, marked);
  return reached;
}
