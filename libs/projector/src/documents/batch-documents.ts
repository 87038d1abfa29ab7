import type { DocumentsWanted, FindQuery, FindResult, ReadStoreTransaction } from '@portal/read-store';
import type { Document } from '@portal/read-store';

/**
 * Write-back cache over one read-store transaction: a batch of events often touches the same
 * document many times (a record and its updates), so reads are served from memory after the
 * first and each document is written once, when the batch is flushed. Documents handed out are
 * shared: callers build new objects instead of changing them.
 */
export class BatchDocuments {
  private readonly cache = new Map<string, Map<string, Document | null>>();
  private readonly dirty = new Map<string, Set<string>>();
  /** Per collection, ids read from the store and found absent: written with a plain insert. */
  private readonly absent = new Map<string, Set<string>>();

  constructor(private readonly tx: ReadStoreTransaction) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const docs = this.docsOf(collection);
    if (docs.has(id)) return (docs.get(id) ?? null) as T | null;
    const doc = await this.tx.get<T>(collection, id);
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
      const wanted = [...new Set(ids)].filter((id) => !docs.has(id));
      if (wanted.length > 0) requests.push({ collection, ids: wanted });
    }
    if (requests.length === 0) return;
    let found: Map<string, Document[]>;
    if (requests.length > 1 && this.tx.getManyAcross) found = await this.tx.getManyAcross(requests);
    else {
      found = new Map();
      for (const { collection, ids } of requests)
        found.set(collection, await this.tx.getMany(collection, ids));
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
    await this.flushCollection(collection);
    return this.tx.find<T>(collection, query);
  }

  async flush(): Promise<void> {
    for (const collection of [...this.dirty.keys()]) await this.flushCollection(collection);
  }

  private async flushCollection(collection: string): Promise<void> {
    const ids = this.dirty.get(collection);
    if (!ids) return;
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
    await this.tx.insertMany(collection, inserts);
    await this.tx.putMany(collection, puts);
    await this.tx.deleteIds(collection, deletes);
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
