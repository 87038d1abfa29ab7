import type { EventStore, RecordedEvent } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { analysedCollections } from '../generation/generation-collections';
import type { Projection } from '../projections/projection';
import { applyBatch } from './apply-batch';
import { commitFolded, foldAhead, type FoldedBatch } from './fold-ahead';
import { traceProjectedEvents } from './trace-projected-events';

/** What one committed batch did: the projector's observer hook (metrics, progress). */
export interface BatchApplied {
  generation: number;
  /** Checkpoint after the batch. */
  checkpoint: number;
  /** Events read in the batch (events at or below the stored checkpoint included). */
  events: number;
  /** Time spent folding and committing it (reading excluded: the next page is read meanwhile). */
  seconds: number;
}

export interface CatchUpOptions {
  batchSize?: number;
  /** Stop after this position (inclusive) instead of at the head (verify replays up to the live checkpoint). */
  upTo?: number;
  /** Called after each committed batch with the checkpoint and the number of events in it. */
  onBatch?: (checkpoint: number, events: number) => void;
  /** Called after each committed batch with what it did. */
  observe?: (batch: BatchApplied) => void;
  /** Checked between batches: stop early when it says so. */
  shouldStop?: () => boolean;
  /**
   * Refresh planner statistics as events add up (default true). A replay into a fresh generation
   * nobody reads yet refreshes them once, when it is finished, instead.
   */
  refreshStatistics?: boolean;
  /**
   * Where the caller last saw the checkpoint (a live runner, from its previous catch-up): events
   * are read from there without reading the checkpoint first (a round trip, which a
   * read-your-writes read waits for). Exact whatever the stored checkpoint is meanwhile: a batch
   * skips the events at or below it, and one that finds it below where its page starts writes
   * nothing and the catch-up reads again from it.
   */
  from?: number;
  /** Live projection: a span per event in its writer's trace when tracing is on (never in a rebuild's replay). */
  traceEvents?: boolean;
  /**
   * Fold each batch while the one before it commits (foldAhead): for a replay into a store served
   * by another process (Postgres, MongoDB), whose writes then overlap this process's folding. Not
   * for the embedded store, which runs on this process's thread: there is nothing to overlap.
   */
  foldAhead?: boolean;
  /** A replay into a generation prepared for it, which nothing else writes (ApplyOptions.exactCheckpoint). */
  exactCheckpoint?: boolean;
}

export const DEFAULT_BATCH_SIZE = 1_000;
/**
 * After this many events folded in (and at the end of a catch-up of at least a batch), the read
 * store refreshes the planner statistics of the tables that changed by more than a tenth since
 * their last refresh (staleOnly): tables grow from nothing, plans made on statistics of a tenth of
 * the rows turn scoped lists into walks of the whole order (PGlite has no autovacuum at all, and
 * Postgres's comes a minute late at best), and a fixed interval of 10,000 events left a table of
 * 5,000 rows planned on the 277 it held at its one refresh. Asking costs one catalog query.
 */
const STATISTICS_CHECK_EVERY_EVENTS = 1_000;
/** Events folded since the last check, per store and generation, across catch-ups (live traffic adds up). */
const unanalysed = new WeakMap<ReadStore, Map<number, number>>();

/**
 * Replays events after the generation's checkpoint in batches, until the head (or `upTo`). Returns
 * the checkpoint. The next page is read while a batch is folded and written: at most two pages
 * are in memory, whatever the length of the history.
 */
export async function catchUp(
  events: EventStore,
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  options: CatchUpOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const periodicStatistics = options.refreshStatistics !== false;
  let checkpoint = options.from ?? (await store.getCheckpoint(projectorCheckpoint(generation))) ?? -1;
  const collections = analysedCollections(generation, projections);
  const counts = unanalysed.get(store) ?? new Map<number, number>();
  unanalysed.set(store, counts);
  let sinceStatistics = counts.get(generation) ?? 0;
  let applied = 0;
  const read = (after: number): Promise<RecordedEvent[]> => {
    const page = events.readAll({ after, limit: batchSize });
    // A page read ahead and then not used (stop, error) must not become an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  const applying = { exactCheckpoint: options.exactCheckpoint };
  const committed = async (batch: readonly RecordedEvent[], startedAt: number, tracedFrom: number) => {
    if (options.traceEvents) traceProjectedEvents(batch, generation, tracedFrom, Date.now());
    options.onBatch?.(checkpoint, batch.length);
    options.observe?.({
      generation,
      checkpoint,
      events: batch.length,
      seconds: (performance.now() - startedAt) / 1000,
    });
    applied += batch.length;
    sinceStatistics += batch.length;
    if (periodicStatistics && sinceStatistics >= STATISTICS_CHECK_EVERY_EVENTS) {
      await store.refreshStatistics(collections, { staleOnly: true });
      sinceStatistics = 0;
    }
  };
  /** Applies a page the usual way. False: nothing written, read again from the checkpoint. */
  const applyNow = async (
    batch: readonly RecordedEvent[],
    pageAfter: number,
    startedAt: number,
    tracedFrom: number,
  ): Promise<boolean> => {
    const stored = await applyBatch(store, generation, projections, batch, events, pageAfter, applying);
    if ((stored ?? -1) < pageAfter) {
      // The stored checkpoint is below where this page starts (`from` was ahead of it): nothing
      // was written; read again from the checkpoint.
      checkpoint = stored ?? -1;
      return false;
    }
    checkpoint = stored ?? checkpoint;
    await committed(batch, startedAt, tracedFrom);
    return true;
  };
  // foldAhead: the batch being written while the next one folds (at most one).
  let writing:
    | {
        batch: readonly RecordedEvent[];
        pageAfter: number;
        folded: FoldedBatch;
        done: Promise<boolean>;
        startedAt: number;
        tracedFrom: number;
      }
    | undefined;
  /** Waits for the batch being written. False as applyNow's. */
  const settle = async (): Promise<boolean> => {
    if (!writing) return true;
    const { batch, pageAfter, folded, done, startedAt, tracedFrom } = writing;
    writing = undefined;
    // Not written (someone else moved the checkpoint): applied the usual way, which skips what is in.
    if (!(await done)) return applyNow(batch, pageAfter, startedAt, tracedFrom);
    checkpoint = folded.reached;
    await committed(batch, startedAt, tracedFrom);
    return true;
  };
  let after = checkpoint;
  let ahead: Promise<RecordedEvent[]> | undefined = read(after);
  try {
    while (!options.shouldStop?.()) {
      if (!ahead) {
        if (await settle()) break;
        after = checkpoint;
        ahead = read(after);
        continue;
      }
      if (options.upTo !== undefined && checkpoint >= options.upTo) break;
      const page: RecordedEvent[] = await ahead;
      const pageAfter = after;
      const { upTo } = options;
      const batch = upTo === undefined ? page : page.filter((event) => event.position <= upTo);
      if (batch.length === 0) break;
      const last = batch[batch.length - 1].position;
      const more = page.length === batchSize && (upTo === undefined || last < upTo);
      after = last;
      ahead = more ? read(last) : undefined;
      const startedAt = performance.now();
      const tracedFrom = Date.now();
      let kept: boolean;
      if (!options.foldAhead) kept = await applyNow(batch, pageAfter, startedAt, tracedFrom);
      else {
        const from = writing ? writing.folded.reached : checkpoint;
        const before = writing?.folded.documents.folded;
        const exact = options.exactCheckpoint === true;
        const folded = await foldAhead(store, generation, projections, batch, events, from, before, exact);
        kept = await settle();
        if (!kept) {
          // Read again from the checkpoint: this page with it.
        } else if (folded && checkpoint === folded.from) {
          const done = commitFolded(store, generation, folded);
          // Awaited by settle; a failure meanwhile must not count as unhandled.
          done.catch(() => undefined);
          writing = { batch, pageAfter, folded, done, startedAt, tracedFrom };
        } else kept = await applyNow(batch, pageAfter, startedAt, tracedFrom);
      }
      if (!kept) {
        after = checkpoint;
        ahead = read(after);
        continue;
      }
      // PGlite answers without I/O (microtasks only): let timers and HTTP requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await settle();
  } finally {
    // Thrown while a batch was being written: it ends (committed or not) before the caller goes on.
    await writing?.done.catch(() => undefined);
  }
  if (periodicStatistics && sinceStatistics > 0 && applied >= batchSize) {
    await store.refreshStatistics(collections, { staleOnly: true });
    sinceStatistics = 0;
  }
  if (periodicStatistics) counts.set(generation, sinceStatistics);
  return checkpoint;
}
