import type { Document, DocumentShape, ReadStore } from '@portal/read-store';
import { ReadBatcher } from '../read-batcher';

interface DocumentKey {
  collection: string;
  id: string;
}

const keyOf = ({ collection, id }: DocumentKey): string => `${collection}\n${id}`;

/**
 * Documents by id, the asks of the jobs at work gathered per turn of the event loop into one
 * getMany per collection: the access checks of a batch of emails read each case, follower list,
 * user, portal and role once, in five statements, instead of five statements an email.
 */
export class BatchedDocuments {
  private readonly batcher: ReadBatcher<DocumentKey, Document | null>;

  constructor(store: ReadStore) {
    this.batcher = new ReadBatcher({
      keyOf,
      read: async (keys) => {
        const ids = new Map<string, string[]>();
        for (const { collection, id } of keys) {
          const list = ids.get(collection);
          if (list) list.push(id);
          else ids.set(collection, [id]);
        }
        const found = new Map<string, Document>();
        await Promise.all(
          [...ids].map(async ([collection, list]) => {
            for (const doc of await store.getMany(collection, list))
              found.set(keyOf({ collection, id: doc.id as string }), doc);
          }),
        );
        return keys.map((key) => found.get(keyOf(key)) ?? null);
      },
    });
  }

  get<T extends DocumentShape = Document>(collection: string, id: string): Promise<T | null> {
    return this.batcher.load({ collection, id }) as Promise<T | null>;
  }

  /** The documents of these ids that exist, by id. */
  async many<T extends DocumentShape = Document>(collection: string, ids: string[]): Promise<Map<string, T>> {
    const docs = await Promise.all([...new Set(ids)].map((id) => this.get<T>(collection, id)));
    return new Map(
      docs
        .filter((doc): doc is NonNullable<typeof doc> => doc !== null)
        .map((doc) => [doc.id as string, doc]),
    );
  }
}
