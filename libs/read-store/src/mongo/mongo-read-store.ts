import {
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type TransactionOptions,
} from 'mongodb';
import type { RecordFilter } from '@portal/acl';
import { CheckpointWaits } from '../checkpoint-wait';
import type {
  CollectionOptions,
  Document,
  DocumentShape,
  DocumentsAlongside,
  DocumentWithCheckpoint,
  FindQuery,
  FindResult,
  IndexSpec,
  ReadStore,
  ReadStoreTransaction,
  RefreshStatisticsOptions,
  ValueCount,
} from '../read-store.port';
import { assertCheckpoint, assertCollectionOptions, assertIndexSpec } from '../read-store-input';
import { MongoDocuments, collectionNameOf } from './mongo-documents';
import { assertMongoPath } from './record-filter-to-mongo';

export interface MongoReadStoreOptions {
  /** How often waitForCheckpoint re-reads the checkpoint. */
  pollIntervalMs?: number;
}

interface CheckpointDocument {
  _id: string;
  position: number | null;
  /** Bumped by every transact: writing the document is what makes concurrent runners conflict. */
  writes?: number;
}

const CHECKPOINTS = 'rs_checkpoints';
const NAMESPACE_EXISTS = 48;
const DUPLICATE_KEY = 11000;

// Snapshot reads and majority commits: what a projector batch reads is what it commits against.
const TRANSACTION: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

/**
 * The read store on MongoDB: one collection `rm_<collection>` per read-store collection, each
 * document stored with `_id` = its id (the `id` field is kept too and `_id` never leaves).
 *
 * Exactly-once uses multi-document transactions, so the server must be a replica set (the compose
 * file runs a one-node one). `transact` runs in `session.withTransaction`: it first writes the
 * projection's checkpoint document, then runs fn, then sets the new checkpoint. A concurrent
 * runner of the same projection writes the same document and gets a WriteConflict, a transient
 * transaction error on which withTransaction aborts and runs the callback again — so fn may run
 * more than once, and must touch nothing outside the transaction it is given (and must not swallow
 * driver errors, or withTransaction cannot tell an aborted transaction). Documents and checkpoint
 * commit together or not at all.
 */
export class MongoReadStore implements ReadStore {
  readonly kind = 'mongodb' as const;
  private readonly documents: MongoDocuments;
  private readonly checkpoints: Collection<CheckpointDocument>;
  private readonly waits: CheckpointWaits;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    options: MongoReadStoreOptions,
  ) {
    this.waits = new CheckpointWaits(options.pollIntervalMs);
    this.documents = new MongoDocuments(db);
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS);
  }

  /** database: defaults to the one named in the URL. */
  static async connect(
    url: string,
    database?: string,
    options: MongoReadStoreOptions = {},
  ): Promise<MongoReadStore> {
    const client = new MongoClient(url);
    await client.connect();
    return new MongoReadStore(client, client.db(database), options);
  }

  get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null> {
    return this.documents.get<T>(collection, id);
  }

  find<T extends DocumentShape = Document>(collection: string, query?: FindQuery): Promise<FindResult<T>> {
    return this.documents.find<T>(collection, query);
  }

  getMany<T extends DocumentShape = Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.documents.getMany<T>(collection, ids);
  }

  countBy(collection: string, filter: RecordFilter, path: string): Promise<ValueCount[]> {
    return this.documents.countBy(collection, filter, path);
  }

  scan<T extends DocumentShape = Document>(
    collection: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<T[]> {
    return this.documents.scan<T>(collection, afterId, limit);
  }

  async transact(
    projection: string,
    fn: (tx: ReadStoreTransaction, checkpoint: number | undefined) => Promise<number | undefined>,
  ): Promise<void> {
    await this.inTransaction(async (session) => {
      const locked = await this.checkpoints.findOneAndUpdate(
        { _id: projection },
        { $inc: { writes: 1 }, $setOnInsert: { position: null } },
        { upsert: true, returnDocument: 'after', session },
      );
      const current = locked?.position ?? undefined;
      const next = await fn(new MongoDocuments(this.db, session), current);
      // undefined: nothing to record (e.g. no event handled); the stored checkpoint stays.
      if (next === undefined) return;
      assertCheckpoint(next);
      await this.checkpoints.updateOne({ _id: projection }, { $set: { position: next } }, { session });
    });
  }

  async write(fn: (tx: ReadStoreTransaction) => Promise<void>): Promise<void> {
    await this.inTransaction((session) => fn(new MongoDocuments(this.db, session)));
  }

  async getCheckpoint(projection: string): Promise<number | undefined> {
    const found = await this.checkpoints.findOne({ _id: projection });
    return found?.position ?? undefined;
  }

  async getWithCheckpoint<T extends DocumentShape = Document, A extends DocumentShape = Document>(
    collection: string,
    id: string,
    projection: string,
    alongside?: DocumentsAlongside,
  ): Promise<DocumentWithCheckpoint<T, A>> {
    // Checkpoint first: documents read after it are at least as new as that checkpoint.
    const checkpoint = await this.getCheckpoint(projection);
    if (!alongside) return { doc: await this.get<T>(collection, id), checkpoint };
    const [doc, more] = await Promise.all([
      this.get<T>(collection, id),
      this.documents.getMany<A>(alongside.collection, alongside.ids),
    ]);
    return { doc, checkpoint, alongside: more };
  }

  /**
   * Polls the checkpoint document (an `_id` look-up) every pollIntervalMs. Not a change stream:
   * one cursor per waiting request, with resume tokens and reconnects to manage, for at most one
   * poll interval of latency saved; polling works across processes as it is.
   */
  waitForCheckpoint(
    projection: string,
    position: number,
    timeoutMs: number,
    seen?: number,
  ): Promise<boolean> {
    return this.waits.wait({ read: () => this.getCheckpoint(projection) }, position, timeoutMs, seen);
  }

  // Opaque collections are stored as any other: BSON costs the same either way.
  async ensureCollection(
    collection: string,
    indexes: IndexSpec[] = [],
    options: CollectionOptions = {},
  ): Promise<void> {
    const name = collectionNameOf(collection);
    indexes.forEach(assertIndexSpec);
    assertCollectionOptions(indexes, options);
    indexes.forEach((spec) =>
      [...spec.paths, ...(spec.sort ?? []).map((key) => key.path)].forEach(assertMongoPath),
    );
    try {
      await this.db.createCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
    for (const spec of indexes) {
      // Counts are not kept here: totals count the matching documents (countDocuments), exact alike.
      if (spec.kind === 'counts') continue;
      // `array` and `btree` are one kind of index in MongoDB: it turns multikey when a path holds
      // arrays (at most one path of a compound index may hold an array in any one document).
      // Creating an identical index again is a no-op; a changed definition needs a new name.
      const keys: [string, 1 | -1][] = [
        ...spec.paths.map((path): [string, 1] => [path, 1]),
        ...(spec.sort ?? []).map((key): [string, 1 | -1] => [key.path, key.direction === 'desc' ? -1 : 1]),
      ];
      await this.db.collection(name).createIndex(Object.fromEntries(keys), { name: spec.name });
    }
  }

  async listCollections(): Promise<string[]> {
    const found = await this.db.listCollections({ name: { $regex: '^rm_' } }, { nameOnly: true }).toArray();
    return found.map((info) => info.name.slice(3)).sort();
  }

  async dropCollection(collection: string): Promise<void> {
    // The driver ignores NamespaceNotFound: dropping a missing collection is fine.
    await this.db.collection(collectionNameOf(collection)).drop();
  }

  async refreshStatistics(_collections: string[], _options?: RefreshStatisticsOptions): Promise<void> {
    // MongoDB's planner races candidate plans on the data itself and caches the winner: no statistics to refresh.
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.checkpoints.deleteOne({ _id: projection });
  }

  async close(): Promise<void> {
    this.waits.stop();
    await this.client.close();
  }

  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.withSession((session) => session.withTransaction(work, TRANSACTION));
      } catch (error) {
        // Two first-ever upserts of one checkpoint can collide on its key; the retry finds it.
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY) || attempt >= 3) throw error;
      }
    }
  }
}

/** The read store on MongoDB (a replica set: transactions need one). */
export function openMongoReadStore(
  url: string,
  database?: string,
  options?: MongoReadStoreOptions,
): Promise<MongoReadStore> {
  return MongoReadStore.connect(url, database, options);
}
