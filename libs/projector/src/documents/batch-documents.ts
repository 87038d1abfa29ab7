import type { DocumentsWanted, FindQuery, FindResult, ReadStoreTransaction } from '@portal/read-store';
import type { Document } from '@portal/read-store';
import { CannotFoldAhead } from './cannot-fold-ahead.error';

/** Where a batch reads its documents: its transaction, or (folded ahead) the committed store. */
export type DocumentReads = Pick<ReadStoreTransaction, 'get' | 'getMany' | 'getManyAcross'>;

/** A batch's documents as it left them, per collection (null: absent). */
export type FoldedDocuments = ReadonlyMap<string, ReadonlyMap<string, Document | null>>;

/** A batch folded ahead: where it reads, and what the batch before it left (not committed yet). */
export interface FoldingAhead {
  reads: DocumentReads;
  before?: FoldedDocuments;
}

/**
 * Write-back cache over one read-store transaction: a batch of events often touches the same
 * document many times (a record and its updates), so reads are served from memory after the
 * first and each document is written once, when the batch is flushed. Documents handed out are
 * shared: callers build new objects instead of changing them.
 *
 * A batch folded ahead (a replay folding while the batch before it commits) reads outside any
 * transaction, over what the batch before it left (`before`: the committed store does not hold
 * those yet), cannot query (find throws CannotFoldAhead) and is given its transaction to flush into.
 */
export class BatchDocuments {
  private readonly cache = new Map<string, Map<string, Document | null>>();
  private readonly dirty = new Map<string, Set<string>>();
  /** Per collection, ids read from the store and found absent: written with a plain insert. */
  private readonly absent = new Map<string, Set<string>>();
  private readonly reads: DocumentReads;
  private readonly before: FoldedDocuments | undefined;
  private tx: ReadStoreTransaction | undefined;

  /**
   * oneWritePerCollection: a collection's new documents are written with those it replaces, in one
   * putMany, when there are both (a small batch written optimistically, whose writes must go out
   * in one statement with a part per collection); else new ones by insertMany (COPY when many).
   */
  constructor(
    source: ReadStoreTransaction | FoldingAhead,
    private readonly options: { oneWritePerCollection?: boolean } = {},
  ) {
    if ('reads' in source) {
      this.reads = source.reads;
      this.before = source.before;
    } else {
      this.reads = source;
      this.tx = source;
    }
  }

  /** The transaction a batch folded ahead writes into (reads stay where they were). */
  writeTo(tx: ReadStoreTransaction): void {
    this.tx = tx;
  }

  /** The documents this batch read or wrote, as it left them: what a batch folded after it starts from. */
  get folded(): FoldedDocuments {
    return this.cache;
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const docs = this.docsOf(collection);
    if (docs.has(id)) return (docs.get(id) ?? null) as T | null;
    if (this.adopt(collection, id)) return (docs.get(id) ?? null) as T | null;
    const doc = await this.reads.get<T>(collection, id);
    docs.set(id, doc);
    if (!doc) this.absentOf(collection).add(id);
    return doc;
  }

  /**
   * Loads, in one look-up per collection, the documents the batch is about to read (a hint: a
   * document not prefetched is still read on first use). Ids already in memory are skipped.
   */
  async prefetch(collection: string, ids: Iterable<string>): Promise<void> {
    await this.prefetchAll(new Map([[collection, ids]]));
  }

  /**
   * prefetch of several collections, in one round trip where the store reads several at once
   * (getManyAcross), else one per collection.
   */
  async prefetchAll(idsByCollection: ReadonlyMap<string, Iterable<string>>): Promise<void> {
    const requests: DocumentsWanted[] = [];
    for (const [collection, ids] of idsByCollection) {
      const docs = this.docsOf(collection);
      const wanted = [...new Set(ids)].filter((id) => !docs.has(id) && !this.adopt(collection, id));
      if (wanted.length > 0) requests.push({ collection, ids: wanted });
    }
    if (requests.length === 0) return;
    let found: Map<string, Document[]>;
    if (requests.length > 1 && this.reads.getManyAcross) found = await this.reads.getManyAcross(requests);
    else {
      found = new Map();
      for (const { collection, ids } of requests)
        found.set(collection, await this.reads.getMany(collection, ids));
    }
    for (const { collection, ids } of requests) {
      const docs = this.docsOf(collection);
      const absent = this.absentOf(collection);
      for (const id of ids) {
        docs.set(id, null);
        absent.add(id);
      }
      for (const doc of found.get(collection) ?? []) {
        docs.set(doc.id, doc);
        absent.delete(doc.id);
      }
    }
  }

  /**
   * Takes these documents as absent from the store, without a look-up (the caller knows they were
   * never written). Ids already in memory are left as they are.
   */
  knownAbsent(collection: string, ids: Iterable<string>): void {
    const docs = this.docsOf(collection);
    const absent = this.absentOf(collection);
    for (const id of ids) {
      if (docs.has(id) || this.adopt(collection, id)) continue;
      docs.set(id, null);
      absent.add(id);
    }
  }

  put(collection: string, doc: Document): void {
    this.docsOf(collection).set(doc.id, doc);
    this.markDirty(collection, doc.id);
  }

  delete(collection: string, id: string): void {
    this.docsOf(collection).set(id, null);
    this.markDirty(collection, id);
  }

  /** Queries see this batch's writes: the collection's pending ones are flushed first. */
  async find<T extends Document>(collection: string, query: FindQuery): Promise<FindResult<T>> {
    const tx = this.transaction();
    await this.flushCollection(collection);
    return tx.find<T>(collection, query);
  }

  async flush(): Promise<void> {
    for (const collection of [...this.dirty.keys()]) await this.flushCollection(collection);
  }

  private async flushCollection(collection: string): Promise<void> {
    const ids = this.dirty.get(collection);
    if (!ids) return;
    const tx = this.transaction();
    this.dirty.delete(collection);
    const docs = this.docsOf(collection);
    const absent = this.absentOf(collection);
    const inserts: Document[] = [];
    const puts: Document[] = [];
    const deletes: string[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      if (!doc) {
        // Never stored (read as absent, created and deleted in this batch): nothing to delete.
        if (!absent.has(id)) deletes.push(id);
      } else if (absent.delete(id)) inserts.push(doc);
      else puts.push(doc);
    }
    // Each document once, whatever number of events changed it: one bulk statement per kind.
    if (this.options.oneWritePerCollection && inserts.length > 0 && puts.length > 0) {
      puts.unshift(...inserts);
      inserts.length = 0;
    }
    await tx.insertMany(collection, inserts);
    await tx.putMany(collection, puts);
    await tx.deleteIds(collection, deletes);
  }

  private transaction(): ReadStoreTransaction {
    // Folded ahead: the batch before may not have committed, so a query could miss its writes.
    if (!this.tx) throw new CannotFoldAhead();
    return this.tx;
  }

  /** Takes a document from what the batch before left, if it has it (true). */
  private adopt(collection: string, id: string): boolean {
    const left = this.before?.get(collection);
    if (!left?.has(id)) return false;
    const doc = left.get(id) ?? null;
    this.docsOf(collection).set(id, doc);
    if (!doc) this.absentOf(collection).add(id);
    return true;
  }

  private docsOf(collection: string): Map<string, Document | null> {
    let docs = this.cache.get(collection);
    if (!docs) {
      docs = new Map();
      this.cache.set(collection, docs);
    }
    return docs;
  }

  private absentOf(collection: string): Set<string> {
    let ids = this.absent.get(collection);
    if (!ids) {
      ids = new Set();
      this.absent.set(collection, ids);
    }
    return ids;
  }

  private markDirty(collection: string, id: string): void {
    let ids = this.dirty.get(collection);
    if (!ids) {
      ids = new Set();
      this.dirty.set(collection, ids);
    }
    ids.add(id);
  }
}
