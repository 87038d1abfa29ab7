import type { FindQuery, FindResult, ReadStoreTransaction } from '@portal/read-store';
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

  constructor(private readonly tx: ReadStoreTransaction) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const docs = this.docsOf(collection);
    if (docs.has(id)) return (docs.get(id) ?? null) as T | null;
    const doc = await this.tx.get<T>(collection, id);
    docs.set(id, doc);
    return doc;
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
    for (const id of ids) {
      const doc = docs.get(id);
      if (doc) await this.tx.put(collection, doc);
      else await this.tx.delete(collection, id);
    }
  }

  private docsOf(collection: string): Map<string, Document | null> {
    let docs = this.cache.get(collection);
    if (!docs) {
      docs = new Map();
      this.cache.set(collection, docs);
    }
    return docs;
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
