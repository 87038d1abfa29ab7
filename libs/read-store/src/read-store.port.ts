// The read-store port: where projections keep what queries read. Documents are plain JSON objects
// in named collections; filters are the ACL's store-neutral RecordFilter, so the same scope rule
// decides lists in every adapter (SQL over JSONB on pg/PGlite, MongoDB).
import type { RecordFilter } from '@portal/acl';

export type ReadStoreKind = 'embedded' | 'postgres' | 'mongodb';

export type Document = Record<string, unknown> & { id: string };

/** What a read may be typed as: any document shape with a string id (interfaces need no index signature). */
export type DocumentShape = { id: string };

export interface SortKey {
  /** Dotted path into the document, e.g. `modifiedAt` or `fields.priority`. */
  path: string;
  direction: 'asc' | 'desc';
}

export interface FindQuery {
  filter?: RecordFilter;
  /** Ties are always broken by `id` ascending, so pages are stable. */
  sort?: SortKey[];
  offset?: number;
  limit?: number;
}

/** How many matching documents hold one value at a path (missing and null count as null). */
export interface ValueCount {
  value: unknown;
  count: number;
}

export interface FindResult<T> {
  items: T[];
  /** Number of documents matching the filter, ignoring offset and limit. */
  total: number;
}

/**
 * An index that fits a filter: `btree` (the default) for equality and ranges on its paths, `array`
 * for paths holding arrays that `overlaps` looks into.
 *
 * `counts`: no index of documents but their number per combination of values at `paths`, kept by
 * the store in the same transaction as every write. `find` answers its total from these counts,
 * without reading the documents, when its filter reads no path but these (missing and null count
 * as one value, as filters see them). For totals that would otherwise count every document a
 * broad filter matches (a portal user's scope). Paths must be distinct and none inside another.
 */
export interface CollectionOptions {
  /**
   * The documents are written and read whole, by id (never filtered, sorted or counted by a path
   * where speed matters): a store may keep them in a form that is cheaper to write and slower to
   * query. Every operation still works on them, with the same results; no indexes (refused).
   * PostgreSQL and PGlite keep them as text (a bulk insert skips parsing each into jsonb), MongoDB
   * as any other collection.
   */
  opaque?: boolean;
  /**
   * Paths whose values, where present and not null, are of one type: a store may index them as
   * that type instead of as JSON (a SQL btree then compares text or booleans, not JSONB: a third
   * to a half of building a million records' indexes). A promise about speed, not about results:
   * documents holding another type there are found, filtered and sorted exactly as elsewhere, and
   * so are filters with values of another type, only without those indexes. A collection that
   * exists keeps the types it was made with. MongoDB indexes the paths as they are.
   */
  pathTypes?: PathTypes;
}

/** Paths and the one type each holds where present and not null (CollectionOptions.pathTypes). */
export type PathTypes = Readonly<Record<string, 'string' | 'boolean'>>;

export interface IndexSpec {
  name: string;
  paths: string[];
  kind?: 'btree' | 'array' | 'counts';
  /**
   * btree only: after equality on `paths`, the documents in this sort order (then id ascending),
   * as `find` orders them. A `find` with equality on every path and this sort then reads its page
   * in order and stops at its limit, instead of sorting every match. MongoDB indexes the paths
   * and the sort keys' paths plainly.
   *
   * array (one path) too: the documents holding each element, in this sort order. A `find` in this
   * sort whose filter reaches documents through `overlaps` on the path (alone or as a branch of an
   * OR, the portal scopes' shape) then reads each element's page in order. The SQL stores keep it
   * in a side table (document-orders.ts); it is not a GIN index: give the path one of those too.
   */
  sort?: SortKey[];
}

export interface TransactOptions {
  /**
   * Commit without waiting for the database to have it on disk (PostgreSQL's asynchronous commit).
   * For a replay into a generation nobody reads yet: a crash of the database may lose its last
   * batches, each with its checkpoint (still all or nothing), which a replay then does again;
   * nothing anyone saw is lost. Stores without it commit as usual.
   */
  asyncCommit?: boolean;
  /**
   * For a small batch with firstReads (the live projector's): where the store can, fn first runs
   * without the lock, and its writes and checkpoint are written, in one statement, only if no
   * other runner moved or touched the checkpoint since fn's reads (two round trips fewer on SQL).
   * fn may then run twice: when that does not hold, or when one of its writes cannot wait for that
   * statement (a read after a write, a collection written twice, a COPY), it runs again under the
   * lock as usual (as it does after throwing: the run under the lock decides). So fn must have no
   * effect beyond its writes to `tx`, and should write each collection once.
   */
  optimistic?: boolean;
}

/** Reads and writes inside one transaction of `transact`. */
export interface ReadStoreTransaction {
  get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends DocumentShape = Document>(collection: string, query?: FindQuery): Promise<FindResult<T>>;
  /** Inserts or replaces the whole document. */
  put(collection: string, doc: Document): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  deleteMany(collection: string, filter: RecordFilter): Promise<number>;
  /** The documents of these ids that exist, in no particular order: one round trip for a batch. */
  getMany<T extends DocumentShape = Document>(collection: string, ids: readonly string[]): Promise<T[]>;
  /** Inserts or replaces each whole document (ids distinct) in bulk statements. */
  putMany(collection: string, docs: readonly Document[]): Promise<void>;
  /**
   * Inserts documents this transaction knows are absent (it read them and found nothing): cheaper
   * than putMany, which must look for each id first. Throws if one exists after all.
   */
  insertMany(collection: string, docs: readonly Document[]): Promise<void>;
  /** Deletes the documents of these ids (missing ones are fine) in bulk statements. */
  deleteIds(collection: string, ids: readonly string[]): Promise<void>;
  /**
   * getMany of several collections at once (one round trip where the store can: the projector's
   * batch reads its stream states and documents before folding, and a read-your-writes read waits
   * for that batch). Answers each requested collection's found documents, in no particular order.
   * Optional: without it, callers use getMany per collection.
   */
  getManyAcross?(requests: readonly DocumentsWanted[]): Promise<Map<string, Document[]>>;
}

/** The documents of these ids in this collection (ReadStoreTransaction.getManyAcross). */
export interface DocumentsWanted {
  collection: string;
  ids: readonly string[];
}

/** The few documents ReadStore.getWithCheckpoint reads beside its document: those of `ids` in `collection`. */
export interface DocumentsAlongside {
  collection: string;
  ids: readonly string[];
}

/** What ReadStore.getWithCheckpoint answers (see there). */
export interface DocumentWithCheckpoint<T, A> {
  doc: T | null;
  checkpoint: number | undefined;
  alongside?: A[];
  streamRevision?: number | null;
}

export interface RefreshStatisticsOptions {
  /**
   * Only collections whose rows changed (inserted, updated, deleted) by more than a tenth of what
   * they held at their last refresh, by the store's own change counters (autovacuum's analyze
   * threshold): cheap enough to ask every thousand events, and a big table is sampled again only
   * once it grew enough for its plans to change.
   */
  staleOnly?: boolean;
}

export interface ReadStore {
  readonly kind: ReadStoreKind;

  get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends DocumentShape = Document>(collection: string, query?: FindQuery): Promise<FindResult<T>>;
  /** The documents of these ids that exist, in no particular order: one round trip for a batch. */
  getMany<T extends DocumentShape = Document>(collection: string, ids: readonly string[]): Promise<T[]>;
  /**
   * The documents matching `filter`, counted per value at `path`, in one pass: what several
   * `find({ limit: 0 })` calls, one per value, would count, at the cost of one (each of those reads
   * every matching document again). Values in no particular order; only those with a document.
   */
  countBy(collection: string, filter: RecordFilter, path: string): Promise<ValueCount[]>;
  /**
   * Up to `limit` documents ordered by id (code point order), those after `afterId` only: walks a
   * whole collection page by page at a constant cost per page (no offset, no total).
   */
  scan<T extends DocumentShape = Document>(
    collection: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<T[]>;

  /**
   * Exactly-once projection writes: runs fn in one transaction holding the projection's checkpoint
   * (locked against concurrent runners). fn receives the stored checkpoint (undefined before the
   * first event) and returns the new one; writes and checkpoint commit together or not at all.
   */
  transact(
    projection: string,
    fn: (tx: ReadStoreTransaction, checkpoint: number | undefined) => Promise<number | undefined>,
    /**
     * The documents fn reads first (a getManyAcross or getMany of these ids or fewer, before any
     * write), if known before: where the store can, it reads them with the checkpoint and its lock
     * in one round trip and answers that first read from them, exactly as read under the lock.
     */
    firstReads?: readonly DocumentsWanted[],
    options?: TransactOptions,
  ): Promise<void>;

  /** Writes outside any projection checkpoint (operational data such as credentials). */
  write(fn: (tx: ReadStoreTransaction) => Promise<void>): Promise<void>;

  getCheckpoint(projection: string): Promise<number | undefined>;
  /**
   * A document and a projection's checkpoint together, in one statement where the store allows (the
   * SQL stores; MongoDB reads the checkpoint, then the document). The request path reads its
   * session this way and learns at no extra cost whether the read models moved since it last
   * looked, which is what keeps its cached auth and ACL context exact. `alongside`: a few more
   * documents (those of these ids that exist, in no particular order) in the same statement,
   * answered as `alongside` (only when asked). `stream`: an event stream whose last revision to
   * read in the same statement, answered as `streamRevision` (null: no such stream) by a store
   * that shares its database with the SQL event store (opened with `eventStreams`); a store that
   * cannot say leaves it undefined, and the caller reads the event store itself.
   */
  getWithCheckpoint<T extends DocumentShape = Document, A extends DocumentShape = Document>(
    collection: string,
    id: string,
    projection: string,
    alongside?: DocumentsAlongside,
    stream?: string,
  ): Promise<DocumentWithCheckpoint<T, A>>;
  /**
   * Resolves true once the projection's checkpoint is ≥ position (seen across processes: another
   * process may run the projector), false after timeoutMs. `seen`: the checkpoint as the caller
   * has just read it (getWithCheckpoint): the wait starts from it rather than a read of its own; an
   * advance between that read and the wait whose wake-up it missed is learnt by a read soon after.
   */
  waitForCheckpoint(projection: string, position: number, timeoutMs: number, seen?: number): Promise<boolean>;

  /**
   * Creates the collection and its indexes if missing (idempotent). A collection that exists keeps
   * the storage it was created with (`options` only shape a new one).
   */
  ensureCollection(collection: string, indexes?: IndexSpec[], options?: CollectionOptions): Promise<void>;
  listCollections(): Promise<string[]>;
  dropCollection(collection: string): Promise<void>;
  /**
   * Tells the store's query planner what a collection now holds, after bulk writes (a replay or a
   * rebuild). Without it Postgres plans scoped lists on empty-table guesses and scans every record.
   * `staleOnly`: only the collections that changed enough since their last refresh to matter.
   */
  refreshStatistics(collections: string[], options?: RefreshStatisticsOptions): Promise<void>;
  /** Removes a projection's checkpoint (used when a rebuild replaces its collections). */
  deleteCheckpoint(projection: string): Promise<void>;

  close(): Promise<void>;
}
