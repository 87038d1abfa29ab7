// The contract of opaque collections (CollectionOptions.opaque), run by each adapter's spec beside
// readStoreContract: however a store keeps them, every operation answers exactly as it does on a
// plain collection holding the same documents, alone and mixed with plain ones in one read.
import fc from 'fast-check';
import type { Document, ReadStore, ReadStoreTransaction } from './read-store.port';
import { InvalidReadStoreInputError } from './read-store-input';
import { documentsArb, recordFilterArb } from './testing/record-arbitraries';

/** More than a replay's bulk load path needs to be taken (an adapter may COPY from a few dozen on). */
const MANY = Array.from({ length: 60 }, (_, i) => ({
  id: `doc${String(i).padStart(3, '0')}`,
  kind: i % 3 === 0 ? 'Case' : 'Note',
  n: i % 7,
  text: `tab\there ${i} back\\slash "quoted" Zoë ✓`,
  nested: { list: [i, null, { deep: i % 2 === 0 }] },
}));

const byId = (docs: readonly Document[] | undefined): Document[] =>
  [...(docs ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function readStoreOpaqueContract(name: string, open: () => Promise<ReadStore>): void {
  describe(`read store contract, opaque collections: ${name}`, () => {
    jest.setTimeout(120_000);
    let store: ReadStore;
    let counter = 0;
    const unique = (label: string): string => `${label}_${++counter}`;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store.close();
    });

    /** A plain and an opaque collection holding the same documents. */
    const pair = async (docs: readonly Document[]): Promise<{ plain: string; opaque: string }> => {
      const plain = unique('plain');
      const opaque = unique('opaque');
      await store.ensureCollection(plain);
      await store.ensureCollection(opaque, [], { opaque: true });
      await store.write(async (tx) => {
        await tx.insertMany(plain, docs);
        await tx.insertMany(opaque, docs);
      });
      return { plain, opaque };
    };

    it('reads back every document as written, by id, in bulk, across collections and by scan', async () => {
      const { plain, opaque } = await pair(MANY);
      for (const doc of MANY.slice(0, 5)) expect(await store.get(opaque, doc.id)).toEqual(doc);
      expect(byId(await store.getMany(opaque, ['doc001', 'nope', 'doc059']))).toEqual([MANY[1], MANY[59]]);
      expect(await store.scan(opaque, 'doc050', 4)).toEqual(await store.scan(plain, 'doc050', 4));
      expect(await store.scan(opaque, undefined, 100)).toEqual(MANY);
      await store.write(async (tx) => {
        if (!tx.getManyAcross) return;
        const found = await tx.getManyAcross([
          { collection: plain, ids: ['doc002', 'doc003'] },
          { collection: opaque, ids: ['doc003', 'doc004', 'nope'] },
        ]);
        expect(byId(found.get(plain))).toEqual([MANY[2], MANY[3]]);
        expect(byId(found.get(opaque))).toEqual([MANY[3], MANY[4]]);
      });
    });

    it('finds, counts and deletes by filter exactly as a plain collection does', async () => {
      const { plain, opaque } = await pair(MANY);
      const filter = { kind: 'eq', path: 'kind', value: 'Case' } as const;
      const query = { filter, sort: [{ path: 'n', direction: 'desc' as const }], offset: 2, limit: 5 };
      expect(await store.find(opaque, query)).toEqual(await store.find(plain, query));
      expect(await store.countBy(opaque, filter, 'n')).toEqual(
        expect.arrayContaining(await store.countBy(plain, filter, 'n')),
      );
      let deleted = 0;
      await store.write(async (tx) => {
        deleted = await tx.deleteMany(opaque, filter);
      });
      expect(deleted).toBe(MANY.filter((doc) => doc.kind === 'Case').length);
      expect((await store.find(opaque, { limit: 0 })).total).toBe(MANY.length - deleted);
      await fc.assert(
        fc.asyncProperty(documentsArb, recordFilterArb, async (docs, generated) => {
          const two = await pair(docs);
          expect(await store.find(two.opaque, { filter: generated })).toEqual(
            await store.find(two.plain, { filter: generated }),
          );
        }),
        { numRuns: 15 },
      );
    });

    it('upserts, replaces and deletes documents one by one and in bulk', async () => {
      const { opaque } = await pair(MANY);
      const write = (fn: (tx: ReadStoreTransaction) => Promise<void>): Promise<void> => store.write(fn);
      await write((tx) => tx.put(opaque, { id: 'doc000', replaced: true }));
      await write((tx) =>
        tx.putMany(opaque, [
          { id: 'doc001', again: 1 },
          { id: 'fresh', text: 'a\nb' },
        ]),
      );
      await write((tx) => tx.delete(opaque, 'doc002'));
      await write((tx) => tx.deleteIds(opaque, ['doc003', 'doc004', 'nope']));
      expect(byId(await store.getMany(opaque, ['doc000', 'doc001', 'doc002', 'doc003', 'fresh']))).toEqual([
        { id: 'doc000', replaced: true },
        { id: 'doc001', again: 1 },
        { id: 'fresh', text: 'a\nb' },
      ]);
      await expect(write((tx) => tx.insertMany(opaque, [{ id: 'doc005' }]))).rejects.toThrow();
    });

    it('answers first reads under the lock and reads alongside a document with its checkpoint', async () => {
      const { plain, opaque } = await pair(MANY);
      const p = unique('projection');
      await store.transact(
        p,
        async (tx) => {
          const found = tx.getManyAcross
            ? await tx.getManyAcross([
                { collection: opaque, ids: ['doc010', 'nope'] },
                { collection: plain, ids: ['doc011'] },
              ])
            : new Map([
                [opaque, await tx.getMany(opaque, ['doc010', 'nope'])],
                [plain, await tx.getMany(plain, ['doc011'])],
              ]);
          expect(found.get(opaque)).toEqual([MANY[10]]);
          expect(found.get(plain)).toEqual([MANY[11]]);
          await tx.put(opaque, { id: 'doc010', n: -1 });
          return 7;
        },
        [
          { collection: opaque, ids: ['doc010', 'nope'] },
          { collection: plain, ids: ['doc011'] },
        ],
      );
      const read = await store.getWithCheckpoint(opaque, 'doc010', p, {
        collection: opaque,
        ids: ['doc012', 'doc013', 'nope'],
      });
      expect({ ...read, alongside: byId(read.alongside) }).toEqual({
        doc: { id: 'doc010', n: -1 },
        checkpoint: 7,
        alongside: [MANY[12], MANY[13]],
      });
    });

    it('refuses indexes on an opaque collection; an existing collection keeps its storage', async () => {
      const c = unique('opaque');
      await expect(
        store.ensureCollection(c, [{ name: 'by_n', paths: ['n'] }], { opaque: true }),
      ).rejects.toThrow(InvalidReadStoreInputError);
      const plain = unique('plain');
      await store.ensureCollection(plain, [{ name: 'by_n', paths: ['n'] }]);
      await store.write((tx) => tx.insertMany(plain, MANY));
      await store.ensureCollection(plain, [], { opaque: true });
      await store.write((tx) => tx.putMany(plain, [{ id: 'doc000', n: 3 }]));
      const filter = { kind: 'eq', path: 'n', value: 3 } as const;
      expect((await store.find(plain, { filter })).items).toEqual([
        { id: 'doc000', n: 3 },
        ...MANY.filter((doc) => doc.n === 3),
      ]);
    });
  });
}
