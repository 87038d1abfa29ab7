import type { Document, DocumentsWanted, ReadStoreTransaction } from '@portal/read-store';
import { BatchDocuments } from './batch-documents';
import { CannotFoldAhead } from './cannot-fold-ahead.error';

/** A transaction over an in-memory collection that records what was asked of it. */
function recordingTx(stored: Document[]) {
  const asked: string[] = [];
  const written: string[] = [];
  const tx = {
    get: async (_c: string, id: string) => {
      asked.push(id);
      return stored.find((d) => d.id === id) ?? null;
    },
    getMany: async (_c: string, ids: readonly string[]) => {
      asked.push(...ids);
      return stored.filter((d) => ids.includes(d.id));
    },
    getManyAcross: async (requests: readonly DocumentsWanted[]) => {
      const found = new Map<string, Document[]>();
      for (const { collection, ids } of requests) {
        asked.push(...ids);
        found.set(collection, await tx.getMany(collection, ids));
      }
      return found;
    },
    insertMany: async (_c: string, docs: readonly Document[]) => {
      written.push(...docs.map((d) => `insert ${d.id}`));
    },
    putMany: async (_c: string, docs: readonly Document[]) => {
      written.push(...docs.map((d) => `put ${d.id}`));
    },
    deleteIds: async (_c: string, ids: readonly string[]) => {
      written.push(...ids.map((id) => `delete ${id}`));
    },
  } as unknown as ReadStoreTransaction;
  return { tx, asked, written };
}

describe('BatchDocuments', () => {
  it('takes documents known absent as absent without asking, and inserts them', async () => {
    const { tx, asked, written } = recordingTx([{ id: 'old' }]);
    const batch = new BatchDocuments(tx);
    batch.knownAbsent('c', ['new']);
    await batch.prefetchAll(new Map([['c', ['old', 'new']]]));
    expect(asked).toEqual(['old']);
    expect(await batch.get('c', 'new')).toBeNull();
    batch.put('c', { id: 'new' });
    batch.put('c', { id: 'old' });
    await batch.flush();
    expect(written).toEqual(['insert new', 'put old']);
  });

  it('writes a collection once when told to: new documents with those replaced', async () => {
    const { tx, written } = recordingTx([{ id: 'old' }, { id: 'other' }]);
    const batch = new BatchDocuments(tx, { oneWritePerCollection: true });
    await batch.prefetchAll(
      new Map([
        ['c', ['old', 'new']],
        ['d', ['newer']],
      ]),
    );
    batch.put('c', { id: 'new' });
    batch.put('c', { id: 'old' });
    batch.put('d', { id: 'newer' });
    await batch.flush();
    expect(written).toEqual(['put new', 'put old', 'insert newer']);
  });

  it('folded ahead, reads what the batch before left before the store, and cannot query', async () => {
    const { tx, asked, written } = recordingTx([{ id: 'gone', v: 1 }]);
    const before = new Map([
      [
        'c',
        new Map<string, Document | null>([
          ['kept', { id: 'kept', v: 2 }],
          ['gone', null],
        ]),
      ],
    ]);
    const batch = new BatchDocuments({ reads: tx, before });
    await batch.prefetchAll(new Map([['c', ['kept', 'gone', 'other']]]));
    expect(asked).toEqual(['other']);
    expect(await batch.get('c', 'kept')).toEqual({ id: 'kept', v: 2 });
    expect(await batch.get('c', 'gone')).toBeNull();
    await expect(batch.find('c', {})).rejects.toBeInstanceOf(CannotFoldAhead);
    batch.put('c', { id: 'gone', v: 3 });
    batch.put('c', { id: 'kept', v: 4 });
    await expect(batch.flush()).rejects.toBeInstanceOf(CannotFoldAhead);
    batch.writeTo(tx);
    await batch.flush();
    expect(written).toEqual(['insert gone', 'put kept']);
  });
});
