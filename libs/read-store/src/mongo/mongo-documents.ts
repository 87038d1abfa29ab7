import { ALL, type RecordFilter } from '@portal/acl';
import type { ClientSession, Collection, Db } from 'mongodb';
import type {
  Document,
  DocumentShape,
  FindQuery,
  FindResult,
  ReadStoreTransaction,
  ValueCount,
} from '../read-store.port';
import {
  InvalidReadStoreInputError,
  assertCollectionName,
  assertDocument,
  assertDocumentPath,
  assertFilter,
  assertPaging,
  assertSortKeys,
} from '../read-store-input';
import { mergeValueCounts } from '../value-counts';
import { assertMongoPath, recordFilterToMongo, sortStages } from './record-filter-to-mongo';

/** A document as stored: the read-store document plus `_id`, which repeats its id. */
export interface StoredDocument {
  _id: string;
  [key: string]: unknown;
}

/** MongoDB collection of a read-store collection: `rm_` keeps other collections out of the list. */
export function collectionNameOf(collection: string): string {
  assertCollectionName(collection);
  return `rm_${collection}`;
}

const WITHOUT_ID = { _id: 0 } as const;

/**
 * Document reads and writes, inside a transaction when a session is given. Operations run one
 * after the other: the driver does not support parallel operations in one transaction.
 */
export class MongoDocuments implements ReadStoreTransaction {
  constructor(
    private readonly db: Db,
    private readonly session?: ClientSession,
  ) {}

  async get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null> {
    const found = await this.collection(collection).findOne(
      { _id: id },
      { projection: WITHOUT_ID, session: this.session },
    );
    return (found as T | null) ?? null;
  }

  async find<T extends DocumentShape = Document>(
    collection: string,
    query: FindQuery = {},
  ): Promise<FindResult<T>> {
    const target = this.collection(collection);
    const filter = query.filter ?? ALL;
    assertFilter(filter);
    const sort = query.sort ?? [];
    assertSortKeys(sort);
    assertPaging(query.offset, query.limit);
    const match = recordFilterToMongo(filter);
    const total = await target.countDocuments(match, { session: this.session });
    // limit 0 means "no limit" to MongoDB, but "no items" here.
    if (query.limit === 0 || (query.offset ?? 0) >= total) return { items: [], total };

    if (sort.length === 0) {
      const items = await target
        .find(match, {
          projection: WITHOUT_ID,
          sort: { _id: 1 },
          skip: query.offset || undefined,
          limit: query.limit,
          session: this.session,
        })
        .toArray();
      return { items: items as unknown as T[], total };
    }
    const stages = sortStages(sort);
    const pipeline = [
      { $match: match },
      { $addFields: stages.addFields },
      { $sort: stages.sort },
      ...(query.offset ? [{ $skip: query.offset }] : []),
      ...(query.limit !== undefined ? [{ $limit: query.limit }] : []),
      { $project: { _id: 0, ...Object.fromEntries(stages.unset.map((field) => [field, 0])) } },
    ];
    const items = await target.aggregate<T>(pipeline, { session: this.session }).toArray();
    return { items, total };
  }

  async countBy(collection: string, filter: RecordFilter, path: string): Promise<ValueCount[]> {
    assertFilter(filter);
    assertDocumentPath(path);
    assertMongoPath(path);
    const groups = await this.collection(collection)
      .aggregate<{ _id: unknown; count: number }>(
        [{ $match: recordFilterToMongo(filter) }, { $group: { _id: `$${path}`, count: { $sum: 1 } } }],
        { session: this.session },
      )
      .toArray();
    return mergeValueCounts(groups.map((group) => ({ value: group._id, count: group.count })));
  }

  async put(collection: string, doc: Document): Promise<void> {
    const target = this.collection(collection);
    assertDocument(doc);
    if ('_id' in doc) throw new InvalidReadStoreInputError('document', 'a field named _id');
    // Through JSON, so MongoDB stores exactly what the SQL adapters store (no undefined, no Date).
    const json = JSON.parse(JSON.stringify(doc)) as Document;
    await target.replaceOne(
      { _id: doc.id },
      { ...json, _id: doc.id },
      { upsert: true, session: this.session },
    );
  }

  async scan<T extends DocumentShape = Document>(
    collection: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<T[]> {
    assertPaging(undefined, limit);
    if (limit === 0) return [];
    // _id holds the id: strings compare by UTF-8 bytes, which is code point order.
    const found = await this.collection(collection)
      .find(afterId === undefined ? {} : { _id: { $gt: afterId } }, {
        projection: WITHOUT_ID,
        sort: { _id: 1 },
        limit,
        session: this.session,
      })
      .toArray();
    return found as unknown as T[];
  }

  async getMany<T extends DocumentShape = Document>(
    collection: string,
    ids: readonly string[],
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    const found = await this.collection(collection)
      .find({ _id: { $in: [...ids] } }, { projection: WITHOUT_ID, session: this.session })
      .toArray();
    return found as unknown as T[];
  }

  async putMany(collection: string, docs: readonly Document[]): Promise<void> {
    const target = this.collection(collection);
    docs.forEach(assertDocument);
    if (docs.some((doc) => '_id' in doc))
      throw new InvalidReadStoreInputError('document', 'a field named _id');
    if (docs.length === 0) return;
    // Unordered: the ids are distinct, so the server may apply the replacements in any order.
    await target.bulkWrite(
      docs.map((doc) => ({
        replaceOne: {
          filter: { _id: doc.id },
          replacement: { ...(JSON.parse(JSON.stringify(doc)) as Document), _id: doc.id },
          upsert: true,
        },
      })),
      { ordered: false, session: this.session },
    );
  }

  async insertMany(collection: string, docs: readonly Document[]): Promise<void> {
    docs.forEach(assertDocument);
    if (docs.some((doc) => '_id' in doc))
      throw new InvalidReadStoreInputError('document', 'a field named _id');
    if (docs.length === 0) return;
    await this.collection(collection).insertMany(
      docs.map((doc) => ({ ...(JSON.parse(JSON.stringify(doc)) as Document), _id: doc.id })),
      { ordered: false, session: this.session },
    );
  }

  async deleteIds(collection: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.collection(collection).deleteMany({ _id: { $in: [...ids] } }, { session: this.session });
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: id }, { session: this.session });
  }

  async deleteMany(collection: string, filter: RecordFilter): Promise<number> {
    const target = this.collection(collection);
    assertFilter(filter);
    const result = await target.deleteMany(recordFilterToMongo(filter), { session: this.session });
    return result.deletedCount;
  }

  private collection(collection: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(collectionNameOf(collection));
  }
}
