// The behaviour every read-store adapter must have, written once and run by each adapter's spec.
// `open` must return a new store instance over the same database on every call (the concurrency
// and wait tests use two). Each test uses collections and projections of its own.
import fc from 'fast-check';
import { ALL, matchesRecordFilter, type RecordFilter } from '@portal/acl';
import type { Document, ReadStore } from './read-store.port';
import { InvalidReadStoreInputError } from './read-store-input';
import {
  compareBySortContract,
  documentsArb,
  recordFilterArb,
  sortableDocumentsArb,
} from './testing/record-arbitraries';

/** Edge-case fixture for the filter tests: each document is there for a reason (see comments). */
const FIXTURE: Document[] = [
  { id: 'd1', status: 'open', n: 1, tags: ['a', 'b'], owner: { id: 'u1' }, flag: true },
  { id: 'd2', status: 'closed', n: 2, tags: ['b'], owner: { id: 'u2' }, flag: false },
  // JSON null, the string "1", an empty array, a null in the middle of a path
  { id: 'd3', status: null, n: '1', tags: [], owner: null },
  // status missing, a scalar where others hold an array, an array at the end of a nested path
  { id: 'd4', n: 3, tags: 'a', owner: { id: ['u1'] } },
  // an array holding the value eq looks for, mixed element types, an array in the middle of a path
  { id: 'd5', status: ['open'], n: 1.5, tags: [1, true, 'c'], owner: [{ id: 'u1' }] },
  // an object where a scalar is compared, an object whose key overlaps looks for
  { id: 'd6', status: { open: true }, tags: { a: 1 } },
];

export function readStoreContract(name: string, open: () => Promise<ReadStore>): void {
  describe(`read store contract: ${name}`, () => {
    jest.setTimeout(120_000);
    const opened: ReadStore[] = [];
    let store: ReadStore;
    let counter = 0;
    /** A collection or projection name used by one test only. */
    const unique = (label: string): string => `${label}_${++counter}`;
    const another = async (): Promise<ReadStore> => {
      const instance = await open();
      opened.push(instance);
      return instance;
    };

    beforeAll(async () => {
      store = await another();
    });

    afterAll(async () => {
      for (const instance of opened.reverse()) await instance.close();
    });

    const ids = async (collection: string, filter: RecordFilter): Promise<string[]> =>
      (await store.find(collection, { filter })).items.map((doc) => doc.id);

    describe('documents', () => {
      it('puts, gets, replaces whole documents and deletes them', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        expect(await store.get(c, 'a')).toBeNull();
        const doc = {
          id: 'a',
          title: 'Printer on fire',
          nested: { list: [1, 'two', null], flag: false },
          text: 'Zoë ✓ \'"\\',
        };
        await store.write(async (tx) => tx.put(c, doc));
        expect(await store.get(c, 'a')).toEqual(doc);

        await store.write(async (tx) => tx.put(c, { id: 'a', other: true }));
        expect(await store.get(c, 'a')).toEqual({ id: 'a', other: true });

        await store.write(async (tx) => {
          await tx.delete(c, 'a');
          await tx.delete(c, 'never-there');
        });
        expect(await store.get(c, 'a')).toBeNull();
      });

      it('gets, puts and deletes many documents in bulk, like one by one', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        const docs = Array.from({ length: 1_200 }, (_, i) => ({
          id: `d${i}`,
          n: i,
          text: i % 7 === 0 ? 'Zoë ✓ \'"\\' : 'plain',
          nested: { list: [i, null, 'x'] },
        }));
        await store.write(async (tx) => tx.putMany(c, docs));
        await store.write(async (tx) => {
          const found = await tx.getMany<(typeof docs)[number]>(c, ['d3', 'nope', 'd1199', 'd0']);
          expect(found.sort((a, b) => a.n - b.n)).toEqual([docs[0], docs[3], docs[1199]]);
          await tx.putMany(c, [{ id: 'd3', replaced: true }, { id: 'new' }]);
          await tx.deleteIds(c, ['d0', 'd1199', 'never-there']);
          expect(await tx.getMany(c, [])).toEqual([]);
        });
        expect(await store.get(c, 'd3')).toEqual({ id: 'd3', replaced: true });
        expect(await store.get(c, 'new')).toEqual({ id: 'new' });
        expect(await store.get(c, 'd0')).toBeNull();
        expect(await store.get(c, 'd1199')).toBeNull();
        expect(await store.get(c, 'd7')).toEqual(docs[7]);
        // Outside a transaction too, and for a collection never made.
        const read = await store.getMany<{ id: string }>(c, ['d7', 'd0', 'new', 'd7']);
        expect(read.map((d) => d.id).sort()).toEqual(['d7', 'new']);
        expect(await store.getMany(`${c}_never`, ['d7'])).toEqual([]);
        expect((await store.find(c, { limit: 0 })).total).toBe(1_199);
        await expect(store.write(async (tx) => tx.putMany(c, [{ id: 1 } as never]))).rejects.toThrow(
          InvalidReadStoreInputError,
        );
      });

      it('gets many documents of several collections at once, each as getMany would (where the store offers it)', async () => {
        const [a, b, empty] = [unique('across_a'), unique('across_b'), unique('across_e')];
        for (const c of [a, b, empty]) await store.ensureCollection(c);
        const docsA = [
          { id: 'x', n: 1, text: 'Zoë ✓ \'"\\' },
          { id: 'y', n: 2 },
        ];
        const docsB = [
          { id: 'x', other: true },
          { id: 'z', nested: { list: [1, null] } },
        ];
        await store.write(async (tx) => {
          await tx.putMany(a, docsA);
          await tx.putMany(b, docsB);
        });
        await store.write(async (tx) => {
          // Optional on the port: a store without it is read per collection by its callers.
          if (!tx.getManyAcross) return;
          const found = await tx.getManyAcross([
            { collection: a, ids: ['y', 'x', 'nope'] },
            { collection: b, ids: ['x', 'y'] },
            { collection: empty, ids: ['x'] },
            { collection: `${a}_never`, ids: ['x'] },
            { collection: unique('across_none'), ids: [] },
          ]);
          const byId = (docs: { id: string }[] | undefined) =>
            [...(docs ?? [])].sort((p, q) => p.id.localeCompare(q.id));
          expect(byId(found.get(a) as never)).toEqual(docsA);
          expect(found.get(b)).toEqual([docsB[0]]);
          expect(found.get(empty)).toEqual([]);
          expect(found.get(`${a}_never`)).toEqual([]);
          expect([...found.keys()]).toHaveLength(5);
        });
      });

      it('inserts documents known absent in bulk, exactly as given, and refuses an id that exists', async () => {
        const c = unique('inserts');
        await store.ensureCollection(c);
        // Characters a bulk load's text format must escape (COPY's tab, newline, backslash, \\N).
        const ids = ['tab\there', 'line\nbreak', 'cr\rlf', 'back\\slash', '\\N', 'quote"\'', 'Zoë ✓'];
        const docs = ids.map((id, i) => ({ id, text: `${id}\t${i}\\n`, nested: { list: [id, null, i] } }));
        await store.write(async (tx) => tx.insertMany(c, docs));
        for (const doc of docs) expect(await store.get(c, doc.id)).toEqual(doc);
        // The same characters in a batch as large as a replay's (an adapter may load it another way).
        const many = Array.from({ length: 200 }, (_, i) => ({
          ...docs[i % docs.length]!,
          id: `${ids[i % ids.length]}#${i}`,
        }));
        await store.write(async (tx) => tx.insertMany(c, many));
        for (const doc of many) expect(await store.get(c, doc.id)).toEqual(doc);
        // More than one bulk statement's worth (an adapter may split it), of multi-byte characters.
        const large = Array.from({ length: 40 }, (_, i) => ({
          id: `large-${i}`,
          text: `${'Zoë ✓ \\ '.repeat(15_000)}${i}`,
        }));
        await store.write(async (tx) => tx.insertMany(c, large));
        for (const doc of large) expect(await store.get(c, doc.id)).toEqual(doc);
        await store.write(async (tx) => tx.insertMany(c, []));
        await expect(
          store.write(async (tx) => tx.insertMany(c, [{ id: 'fresh' }, { id: ids[1], again: true }])),
        ).rejects.toThrow();
        expect(await store.get(c, 'fresh')).toBeNull();
        expect(await store.get(c, ids[1])).toEqual(docs[1]);
        await expect(store.write(async (tx) => tx.insertMany(c, [{ id: 2 } as never]))).rejects.toThrow(
          InvalidReadStoreInputError,
        );
        const generated = unique('inserts');
        await store.ensureCollection(generated);
        await fc.assert(
          fc.asyncProperty(documentsArb, async (docs) => {
            await store.write(async (tx) => {
              await tx.deleteIds(
                generated,
                docs.map((doc) => doc.id),
              );
              await tx.insertMany(generated, docs);
            });
            for (const doc of docs) expect(await store.get(generated, doc.id)).toEqual(doc);
          }),
          { numRuns: 20 },
        );
      });

      it('scans a collection by id in pages, after a given id', async () => {
        const c = unique('docs');
        expect(await store.scan(c, undefined, 10)).toEqual([]);
        await store.ensureCollection(c);
        const ids = ['b', 'a', 'ä', 'B', 'a1', '10', '9', 'z', 'Z', '✓'];
        await store.write(async (tx) =>
          tx.putMany(
            c,
            ids.map((id) => ({ id, v: id })),
          ),
        );
        const sorted = [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const seen: string[] = [];
        for (let after: string | undefined; ;) {
          const page = await store.scan(c, after, 3);
          seen.push(...page.map((doc) => doc.id));
          if (page.length < 3) break;
          after = page[page.length - 1].id;
        }
        expect(seen).toEqual(sorted);
        expect((await store.scan(c, 'a', 2)).map((doc) => doc.id)).toEqual(['a1', 'b']);
        expect(await store.scan(c, '✓', 5)).toEqual([]);
        expect(await store.scan(c, undefined, 0)).toEqual([]);
      });

      it('reads inside a transaction what that transaction wrote', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        await store.write(async (tx) => {
          await tx.put(c, { id: 'x', v: 1 });
          expect(await tx.get(c, 'x')).toEqual({ id: 'x', v: 1 });
          expect((await tx.find(c, { filter: { kind: 'eq', path: 'v', value: 1 } })).total).toBe(1);
        });
      });

      it('rolls back every write of a write() that throws', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        await store.write(async (tx) => tx.put(c, { id: 'kept', v: 1 }));
        await expect(
          store.write(async (tx) => {
            await tx.put(c, { id: 'new', v: 2 });
            await tx.put(c, { id: 'kept', v: 3 });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.get(c, 'new')).toBeNull();
        expect(await store.get(c, 'kept')).toEqual({ id: 'kept', v: 1 });
      });

      it('finds nothing in a collection that does not exist', async () => {
        const c = unique('absent');
        expect(await store.get(c, 'a')).toBeNull();
        expect(await store.find(c)).toEqual({ items: [], total: 0 });
      });

      it('deletes the documents a filter matches and counts them', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        await store.write(async (tx) => {
          for (const doc of FIXTURE) await tx.put(c, doc);
        });
        let deleted = -1;
        await store.write(async (tx) => {
          deleted = await tx.deleteMany(c, { kind: 'overlaps', path: 'tags', values: ['b'] });
        });
        expect(deleted).toBe(2);
        expect(await ids(c, ALL)).toEqual(['d3', 'd4', 'd5', 'd6']);
      });

      it('countBy counts the matching documents per value at a path, missing and null as null', async () => {
        const c = unique('docs');
        await store.ensureCollection(c);
        await store.write(async (tx) => {
          for (const doc of FIXTURE) await tx.put(c, doc);
        });
        const sorted = (counts: { value: unknown; count: number }[]) =>
          [...counts].sort((a, b) => JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
        // d3 (null) and d4 (missing) are one group; d1 and d5 hold equal numbers of different types.
        expect(sorted(await store.countBy(c, ALL, 'status'))).toEqual(
          sorted([
            { value: 'open', count: 1 },
            { value: 'closed', count: 1 },
            { value: null, count: 2 },
            { value: ['open'], count: 1 },
            { value: { open: true }, count: 1 },
          ]),
        );
        const withTag: RecordFilter = { kind: 'overlaps', path: 'tags', values: ['b'] };
        expect(sorted(await store.countBy(c, withTag, 'owner.id'))).toEqual([
          { value: 'u1', count: 1 },
          { value: 'u2', count: 1 },
        ]);
        expect(await store.countBy(c, { kind: 'none' }, 'status')).toEqual([]);
        expect(await store.countBy(unique('absent'), ALL, 'status')).toEqual([]);
        await expect(store.countBy(c, ALL, "status') OR TRUE --")).rejects.toBeInstanceOf(
          InvalidReadStoreInputError,
        );
      });

      it('refuses unsafe collection names, paths and documents without a string id', async () => {
        await expect(store.get('Robert"; DROP TABLE x; --', 'a')).rejects.toBeInstanceOf(
          InvalidReadStoreInputError,
        );
        await expect(store.ensureCollection('1abc')).rejects.toBeInstanceOf(InvalidReadStoreInputError);
        const c = unique('docs');
        await store.ensureCollection(c);
        await expect(
          store.find(c, { filter: { kind: 'eq', path: "a') OR TRUE --", value: 1 } }),
        ).rejects.toBeInstanceOf(InvalidReadStoreInputError);
        await expect(store.find(c, { sort: [{ path: 'a,b', direction: 'asc' }] })).rejects.toBeInstanceOf(
          InvalidReadStoreInputError,
        );
        await expect(
          store.write(async (tx) => tx.put(c, { id: 42 } as unknown as Document)),
        ).rejects.toBeInstanceOf(InvalidReadStoreInputError);
      });
    });

    describe('find with filters (null, missing, arrays and objects as the reference defines them)', () => {
      let c: string;
      beforeAll(async () => {
        c = unique('filters');
        await store.ensureCollection(c, [
          { name: 'by_status', paths: ['status'] },
          { name: 'by_tags', paths: ['tags'], kind: 'array' },
        ]);
        await store.write(async (tx) => {
          for (const doc of FIXTURE) await tx.put(c, doc);
        });
      });

      const cases: Array<[string, RecordFilter, string[]]> = [
        ['all', { kind: 'all' }, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
        ['none', { kind: 'none' }, []],
        [
          'eq: a scalar, not an array holding it nor an object',
          { kind: 'eq', path: 'status', value: 'open' },
          ['d1'],
        ],
        ['eq null: JSON null and missing', { kind: 'eq', path: 'status', value: null }, ['d3', 'd4']],
        [
          'ne: everything else, missing included',
          { kind: 'ne', path: 'status', value: 'open' },
          ['d2', 'd3', 'd4', 'd5', 'd6'],
        ],
        [
          'ne null: present and not null',
          { kind: 'ne', path: 'status', value: null },
          ['d1', 'd2', 'd5', 'd6'],
        ],
        ['eq number is not the string', { kind: 'eq', path: 'n', value: 1 }, ['d1']],
        ['eq string is not the number', { kind: 'eq', path: 'n', value: '1' }, ['d3']],
        ['eq boolean', { kind: 'eq', path: 'flag', value: false }, ['d2']],
        [
          'ne boolean matches missing',
          { kind: 'ne', path: 'flag', value: true },
          ['d2', 'd3', 'd4', 'd5', 'd6'],
        ],
        ['in', { kind: 'in', path: 'status', values: ['open', 'closed'] }, ['d1', 'd2']],
        ['in with null', { kind: 'in', path: 'status', values: ['open', null] }, ['d1', 'd3', 'd4']],
        ['in nothing', { kind: 'in', path: 'status', values: [] }, []],
        [
          'notIn matches missing',
          { kind: 'notIn', path: 'status', values: ['open', 'closed'] },
          ['d3', 'd4', 'd5', 'd6'],
        ],
        ['notIn with null', { kind: 'notIn', path: 'status', values: ['open', null] }, ['d2', 'd5', 'd6']],
        [
          'notIn nothing',
          { kind: 'notIn', path: 'status', values: [] },
          ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'],
        ],
        [
          'overlaps: arrays only, not a scalar or an object key',
          { kind: 'overlaps', path: 'tags', values: ['a'] },
          ['d1'],
        ],
        [
          'overlaps any of several',
          { kind: 'overlaps', path: 'tags', values: ['b', 'c'] },
          ['d1', 'd2', 'd5'],
        ],
        ['overlaps a number', { kind: 'overlaps', path: 'tags', values: [1] }, ['d5']],
        ['overlaps a boolean', { kind: 'overlaps', path: 'tags', values: [true] }, ['d5']],
        ['overlaps the string "1" is not the number', { kind: 'overlaps', path: 'tags', values: ['1'] }, []],
        ['overlaps null never matches', { kind: 'overlaps', path: 'tags', values: [null] }, []],
        ['overlaps nothing', { kind: 'overlaps', path: 'tags', values: [] }, []],
        ['nested path: not through arrays', { kind: 'eq', path: 'owner.id', value: 'u1' }, ['d1']],
        [
          'nested path null: missing, null parent, array parent',
          { kind: 'eq', path: 'owner.id', value: null },
          ['d3', 'd5', 'd6'],
        ],
        ['nested overlaps', { kind: 'overlaps', path: 'owner.id', values: ['u1'] }, ['d4']],
        ['isEmpty: missing, null or []', { kind: 'isEmpty', path: 'status' }, ['d3', 'd4']],
        ['isEmpty on arrays', { kind: 'isEmpty', path: 'tags' }, ['d3']],
        ['id', { kind: 'in', path: 'id', values: ['d2', 'd9'] }, ['d2']],
        ['and of nothing', { kind: 'and', filters: [] }, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
        ['or of nothing', { kind: 'or', filters: [] }, []],
        [
          'nested and/or',
          {
            kind: 'or',
            filters: [
              {
                kind: 'and',
                filters: [
                  { kind: 'eq', path: 'status', value: 'open' },
                  { kind: 'eq', path: 'flag', value: true },
                ],
              },
              {
                kind: 'and',
                filters: [
                  { kind: 'ne', path: 'status', value: 'open' },
                  { kind: 'overlaps', path: 'tags', values: ['b'] },
                ],
              },
            ],
          },
          ['d1', 'd2'],
        ],
        [
          'and of or with negative leaves over missing paths',
          {
            kind: 'and',
            filters: [
              {
                kind: 'or',
                filters: [
                  { kind: 'notIn', path: 'flag', values: [true] },
                  { kind: 'eq', path: 'n', value: 1 },
                ],
              },
              { kind: 'ne', path: 'owner.id', value: 'u2' },
            ],
          },
          ['d1', 'd3', 'd4', 'd5', 'd6'],
        ],
      ];

      it.each(cases)('%s', async (_label, filter, expected) => {
        expect(await ids(c, filter)).toEqual(expected);
        // The hand-written expectation and the ACL's reference agree, so the case tests the adapter.
        expect(FIXTURE.filter((doc) => matchesRecordFilter(doc, filter)).map((doc) => doc.id)).toEqual(
          expected,
        );
      });
    });

    describe('sort and paging', () => {
      let c: string;
      const docs: Document[] = [
        { id: 'p01', rank: 2, name: 'b' },
        { id: 'p02', rank: 1, name: 'B' },
        { id: 'p03', name: 'a' },
        { id: 'p04', rank: 2, name: 'é' },
        { id: 'p05', rank: null, name: 'a' },
        { id: 'p06', rank: 10, name: 'Zed' },
        { id: 'p07', rank: 1.5 },
        { id: 'p08', rank: -4, name: 'b' },
        { id: 'p09', rank: 2, name: 'aa' },
        { id: 'p10', rank: 1, name: 'A' },
      ];
      beforeAll(async () => {
        c = unique('sorted');
        await store.ensureCollection(c, [{ name: 'by_rank', paths: ['rank'] }]);
        // Written out of order, so insertion order cannot pass for sorting.
        await store.write(async (tx) => {
          for (const doc of [...docs].reverse()) await tx.put(c, doc);
        });
      });

      const order = async (sort: { path: string; direction: 'asc' | 'desc' }[]): Promise<string[]> =>
        (await store.find(c, { sort })).items.map((d) => d.id);

      it('orders by id without a sort', async () => {
        expect((await store.find(c)).items.map((d) => d.id)).toEqual(docs.map((d) => d.id));
      });

      it('sorts numbers ascending, ties by id, missing and null last', async () => {
        expect(await order([{ path: 'rank', direction: 'asc' }])).toEqual([
          'p08',
          'p02',
          'p10',
          'p07',
          'p01',
          'p04',
          'p09',
          'p06',
          'p03',
          'p05',
        ]);
      });

      it('sorts descending with missing and null first, ties still by id ascending', async () => {
        expect(await order([{ path: 'rank', direction: 'desc' }])).toEqual([
          'p03',
          'p05',
          'p06',
          'p01',
          'p04',
          'p09',
          'p07',
          'p02',
          'p10',
          'p08',
        ]);
      });

      it('sorts strings by code point and by several keys', async () => {
        expect(await order([{ path: 'name', direction: 'asc' }])).toEqual([
          'p10',
          'p02',
          'p06',
          'p03',
          'p05',
          'p09',
          'p01',
          'p08',
          'p04',
          'p07',
        ]);
        expect(
          await order([
            { path: 'name', direction: 'asc' },
            { path: 'rank', direction: 'desc' },
          ]),
        ).toEqual(['p10', 'p02', 'p06', 'p03', 'p05', 'p09', 'p01', 'p08', 'p04', 'p07']);
      });

      it('pages through a filtered sort without gaps or repeats, with a constant total', async () => {
        const filter: RecordFilter = { kind: 'ne', path: 'rank', value: 10 };
        const sort = [{ path: 'rank', direction: 'asc' as const }];
        const whole = await store.find(c, { filter, sort });
        expect(whole.total).toBe(9);
        const pages: string[] = [];
        for (let offset = 0; offset < 12; offset += 4) {
          const page = await store.find(c, { filter, sort, offset, limit: 4 });
          expect(page.total).toBe(9);
          pages.push(...page.items.map((d) => d.id));
        }
        expect(pages).toEqual(whole.items.map((d) => d.id));
        expect(await store.find(c, { filter, sort, offset: 50, limit: 4 })).toEqual({ items: [], total: 9 });
        expect(await store.find(c, { filter, limit: 0 })).toEqual({ items: [], total: 9 });
      });
    });

    describe('transact and checkpoints', () => {
      it('starts without a checkpoint and commits writes with the new one', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        expect(await store.getCheckpoint(p)).toBeUndefined();
        const seen: Array<number | undefined> = [];
        await store.transact(p, async (tx, checkpoint) => {
          seen.push(checkpoint);
          await tx.put(c, { id: 'a', v: 1 });
          return 7;
        });
        expect(await store.getCheckpoint(p)).toBe(7);
        expect(await store.get(c, 'a')).toEqual({ id: 'a', v: 1 });
        await store.transact(p, async (_tx, checkpoint) => {
          seen.push(checkpoint);
          return undefined;
        });
        // undefined means "nothing to record": the checkpoint stays.
        expect(await store.getCheckpoint(p)).toBe(7);
        expect(seen.slice(0, 2)).toEqual([undefined, 7]);
      });

      it('rolls back writes and checkpoint when fn throws', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        await expect(
          store.transact(p, async (tx) => {
            await tx.put(c, { id: 'a' });
            throw new Error('first fails');
          }),
        ).rejects.toThrow('first fails');
        expect(await store.getCheckpoint(p)).toBeUndefined();
        expect(await store.get(c, 'a')).toBeNull();

        await store.transact(p, async (tx) => {
          await tx.put(c, { id: 'kept', v: 1 });
          return 3;
        });
        await expect(
          store.transact(p, async (tx) => {
            await tx.put(c, { id: 'kept', v: 2 });
            await tx.delete(c, 'kept');
            await tx.put(c, { id: 'b' });
            throw new Error('later fails');
          }),
        ).rejects.toThrow('later fails');
        expect(await store.getCheckpoint(p)).toBe(3);
        expect(await store.get(c, 'kept')).toEqual({ id: 'kept', v: 1 });
        expect(await store.get(c, 'b')).toBeNull();
      });

      it('bulk writes in a transaction are seen by its later reads and commit with the checkpoint', async () => {
        const c = unique('proj');
        const d = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c, [{ name: 'by_n', paths: ['n'], kind: 'counts' }]);
        await store.ensureCollection(d);
        await store.write((tx) =>
          tx.putMany(c, [
            { id: 'old', n: 1 },
            { id: 'gone', n: 1 },
          ]),
        );
        await store.transact(p, async (tx) => {
          await tx.insertMany(c, [{ id: 'new', n: 2 }]);
          await tx.putMany(c, [{ id: 'old', n: 2 }]);
          await tx.deleteIds(c, ['gone']);
          await tx.putMany(d, [{ id: 'x' }]);
          // Each read sees every write before it, whichever collection it reads.
          expect(await tx.get(d, 'x')).toEqual({ id: 'x' });
          expect((await tx.find(c, { filter: { kind: 'eq', path: 'n', value: 2 } })).total).toBe(2);
          await tx.putMany(d, [{ id: 'x', again: true }, { id: 'y' }]);
          await tx.deleteIds(d, ['y']);
          await tx.putMany(c, [{ id: 'new', n: 3 }]);
          return 4;
        });
        expect(await store.getCheckpoint(p)).toBe(4);
        expect((await store.scan(c, undefined, 10)).map((doc) => doc.id)).toEqual(['new', 'old']);
        expect(await store.get(c, 'new')).toEqual({ id: 'new', n: 3 });
        expect(await store.find(d)).toEqual({ items: [{ id: 'x', again: true }], total: 1 });
        // The counts kept by the store agree with the documents.
        expect(await store.find(c, { filter: { kind: 'eq', path: 'n', value: 2 }, limit: 0 })).toEqual({
          items: [],
          total: 1,
        });
      });

      it('a bulk write that fails in a transaction rolls back the writes and checkpoint with it', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        await store.write((tx) => tx.putMany(c, [{ id: 'taken', v: 1 }]));
        await store.transact(p, async () => 1);
        await expect(
          store.transact(p, async (tx) => {
            await tx.putMany(c, [{ id: 'taken', v: 2 }]);
            await tx.deleteIds(c, ['other']);
            // Known absent, yet there: the insert fails, whenever the store sends it.
            await tx.insertMany(c, [{ id: 'taken' }]);
            return 2;
          }),
        ).rejects.toThrow();
        expect(await store.getCheckpoint(p)).toBe(1);
        expect(await store.get(c, 'taken')).toEqual({ id: 'taken', v: 1 });
      });

      it('serialises concurrent runners of one projection (no lost update)', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        const other = await another();
        const runners = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other));
        await Promise.all(
          runners.map((runner) =>
            runner.transact(p, async (tx, checkpoint) => {
              const counter = await tx.get<Document & { n: number }>(c, 'counter');
              const n = counter?.n ?? 0;
              // The checkpoint locked with the counter: both advance together, never apart.
              if (n !== (checkpoint ?? 0)) throw new Error(`checkpoint ${checkpoint} but counter ${n}`);
              await tx.put(c, { id: 'counter', n: n + 1 });
              return n + 1;
            }),
          ),
        );
        expect(await store.get(c, 'counter')).toEqual({ id: 'counter', n: 20 });
        expect(await store.getCheckpoint(p)).toBe(20);
      });

      it('answers the first reads it was told of as read under the lock, with concurrent runners', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        // The checkpoint there: its lock is then taken with the first read (no row yet: apart).
        await store.transact(p, async () => 0);
        const other = await another();
        const runners = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other));
        await Promise.all(
          runners.map((runner, i) =>
            runner.transact(
              p,
              async (tx, checkpoint) => {
                const [first] = await tx.getMany<Document & { n: number }>(c, ['counter']);
                // A read of its own now, after the lock: what the first read must have found.
                const now = await tx.get<Document & { n: number }>(c, 'counter');
                if ((first ?? null) !== null || now !== null) {
                  if (JSON.stringify(first) !== JSON.stringify(now))
                    throw new Error(
                      `first read ${JSON.stringify(first)} but ${JSON.stringify(now)} under the lock`,
                    );
                }
                await tx.put(c, { id: 'counter', n: (now?.n ?? 0) + 1 });
                // Every third writes without moving the checkpoint.
                return i % 3 === 0 ? undefined : (checkpoint ?? 0) + 1;
              },
              [{ collection: c, ids: ['counter', 'absent'] }],
            ),
          ),
        );
        expect(await store.get(c, 'counter')).toEqual({ id: 'counter', n: 20 });
        expect(await store.getCheckpoint(p)).toBe(13);
      });

      it('answers a first read from what it was told only when it asks for no other id', async () => {
        const c = unique('proj');
        const d = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        await store.ensureCollection(d);
        await store.write((tx) =>
          tx.putMany(c, [
            { id: 'a', v: 1 },
            { id: 'b', v: 2 },
          ]),
        );
        await store.write((tx) => tx.putMany(d, [{ id: 'x' }]));
        const byId = (docs: Document[]) => [...docs].sort((x, y) => x.id.localeCompare(y.id));
        await store.transact(
          p,
          async (tx) => {
            // Asks for more than told (d's x): read as usual, all of it found.
            const found = tx.getManyAcross
              ? await tx.getManyAcross([
                  { collection: c, ids: ['a', 'b'] },
                  { collection: d, ids: ['x'] },
                ])
              : new Map([
                  [c, await tx.getMany(c, ['a', 'b'])],
                  [d, await tx.getMany(d, ['x'])],
                ]);
            expect(byId(found.get(c) ?? [])).toEqual([
              { id: 'a', v: 1 },
              { id: 'b', v: 2 },
            ]);
            expect(found.get(d)).toEqual([{ id: 'x' }]);
            return 1;
          },
          [{ collection: c, ids: ['a', 'b', 'gone'] }],
        );
        await store.transact(
          p,
          async (tx) => {
            await tx.put(c, { id: 'a', v: 3 });
            // After a write: what was read with the lock is out of date, so it is read again.
            expect(byId(await tx.getMany(c, ['a', 'gone']))).toEqual([{ id: 'a', v: 3 }]);
            return 2;
          },
          [{ collection: c, ids: ['a', 'gone'] }],
        );
        await store.transact(
          p,
          async (tx) => {
            expect(byId(await tx.getMany(c, ['b', 'gone']))).toEqual([{ id: 'b', v: 2 }]);
            expect(await tx.getMany(unique('missing'), ['a'])).toEqual([]);
            return 3;
          },
          [
            { collection: c, ids: ['a', 'b', 'gone'] },
            { collection: unique('missing'), ids: ['a'] },
          ],
        );
        expect(await store.getCheckpoint(p)).toBe(3);
      });

      it('optimistic: commits writes with the checkpoint and wakes its waiters, with concurrent runners', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        await store.transact(p, async () => 0);
        const other = await another();
        const reached = other.waitForCheckpoint(p, 13, 30_000);
        const runners = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other));
        await Promise.all(
          runners.map((runner, i) =>
            runner.transact(
              p,
              async (tx, checkpoint) => {
                const [count] = await tx.getMany<Document & { n: number }>(c, ['counter']);
                await tx.putMany(c, [{ id: 'counter', n: (count?.n ?? 0) + 1 }]);
                // Every third writes without moving the checkpoint.
                return i % 3 === 0 ? undefined : (checkpoint ?? 0) + 1;
              },
              [{ collection: c, ids: ['counter'] }],
              { optimistic: true },
            ),
          ),
        );
        expect(await reached).toBe(true);
        expect(await store.get(c, 'counter')).toEqual({ id: 'counter', n: 20 });
        expect(await store.getCheckpoint(p)).toBe(13);
      });

      it('reads first reads of many ids as usual', async () => {
        const c = unique('proj');
        const p = unique('projection');
        await store.ensureCollection(c);
        await store.write((tx) => tx.putMany(c, [{ id: 'id-17', v: 1 }]));
        const ids = Array.from({ length: 6_000 }, (_, i) => `id-${i}`);
        await store.transact(
          p,
          async (tx) => {
            expect(await tx.getMany(c, ids)).toEqual([{ id: 'id-17', v: 1 }]);
            return 1;
          },
          [{ collection: c, ids }],
        );
        expect(await store.getCheckpoint(p)).toBe(1);
      });

      it('keeps projections apart and deletes a checkpoint', async () => {
        const p = unique('projection');
        const q = unique('projection');
        await store.transact(p, async () => 5);
        await store.transact(q, async () => 9);
        expect(await store.getCheckpoint(p)).toBe(5);
        await store.deleteCheckpoint(p);
        expect(await store.getCheckpoint(p)).toBeUndefined();
        expect(await store.getCheckpoint(q)).toBe(9);
        await store.transact(p, async (_tx, checkpoint) => (checkpoint === undefined ? 1 : -1));
        expect(await store.getCheckpoint(p)).toBe(1);
      });

      it('getWithCheckpoint reads a document and a checkpoint together, either of them missing', async () => {
        const c = unique('docs');
        const p = unique('projection');
        expect(await store.getWithCheckpoint(unique('nowhere'), 'a', p)).toEqual({
          doc: null,
          checkpoint: undefined,
        });
        await store.ensureCollection(c);
        await store.write((tx) => tx.put(c, { id: 'a', nested: { n: 1 } }));
        expect(await store.getWithCheckpoint(c, 'a', p)).toEqual({
          doc: { id: 'a', nested: { n: 1 } },
          checkpoint: undefined,
        });
        await store.transact(p, async () => 41);
        expect(await store.getWithCheckpoint(c, 'b', p)).toEqual({ doc: null, checkpoint: 41 });
        expect(await store.getWithCheckpoint(c, 'a', p)).toEqual({
          doc: { id: 'a', nested: { n: 1 } },
          checkpoint: 41,
        });
      });

      it('getWithCheckpoint reads documents alongside in the same read, those that exist', async () => {
        const c = unique('docs');
        const more = unique('marks');
        const p = unique('projection');
        const byId = (docs: Document[] | undefined) =>
          [...(docs ?? [])].sort((x, y) => x.id.localeCompare(y.id));
        await store.ensureCollection(c);
        expect(await store.getWithCheckpoint(c, 'a', p, { collection: more, ids: ['x'] })).toEqual({
          doc: null,
          checkpoint: undefined,
          alongside: [],
        });
        await store.ensureCollection(more);
        await store.transact(p, async (tx) => {
          await tx.put(c, { id: 'a', n: 1 });
          await tx.putMany(more, [
            { id: 'x', position: 3 },
            { id: 'y', position: 4 },
            { id: 'z', position: 5 },
          ]);
          return 5;
        });
        const read = await store.getWithCheckpoint(c, 'a', p, { collection: more, ids: ['z', 'x', 'w'] });
        expect({ ...read, alongside: byId(read.alongside) }).toEqual({
          doc: { id: 'a', n: 1 },
          checkpoint: 5,
          alongside: [
            { id: 'x', position: 3 },
            { id: 'z', position: 5 },
          ],
        });
        expect(await store.getWithCheckpoint(c, 'a', p, { collection: more, ids: [] })).toEqual({
          doc: { id: 'a', n: 1 },
          checkpoint: 5,
          alongside: [],
        });
      });

      it('getWithCheckpoint leaves a stream revision out unless opened to share the event store database', async () => {
        const c = unique('docs');
        const p = unique('projection');
        await store.ensureCollection(c);
        await store.write((tx) => tx.put(c, { id: 'a', n: 1 }));
        const read = await store.getWithCheckpoint(c, 'a', p, undefined, 'portal-user-x');
        expect(read).toEqual({ doc: { id: 'a', n: 1 }, checkpoint: undefined });
        expect('streamRevision' in read).toBe(false);
      });

      it('waitForCheckpoint resolves when another instance advances the checkpoint', async () => {
        const p = unique('projection');
        const other = await another();
        const waiting = store.waitForCheckpoint(p, 3, 30_000);
        await other.transact(p, async () => 2);
        await other.transact(p, async () => 3);
        expect(await waiting).toBe(true);
        // Already reached: true at once; a position beyond: false once the time is up.
        expect(await store.waitForCheckpoint(p, 1, 0)).toBe(true);
        expect(await store.waitForCheckpoint(p, 4, 150)).toBe(false);
        expect(await store.waitForCheckpoint(unique('projection'), 0, 100)).toBe(false);
      });
    });

    describe('collections', () => {
      it('ensureCollection is idempotent, listCollections lists and dropCollection drops', async () => {
        const c = unique('coll');
        const indexes = [
          { name: 'by_type', paths: ['entityType', 'modifiedAt'] },
          { name: 'by_accounts', paths: ['accountIds'], kind: 'array' as const },
        ];
        await store.ensureCollection(c, indexes);
        await store.write(async (tx) => tx.put(c, { id: 'a', entityType: 'Case', accountIds: ['x'] }));
        await store.ensureCollection(c, indexes);
        await store.ensureCollection(c);
        expect(await store.get(c, 'a')).toEqual({ id: 'a', entityType: 'Case', accountIds: ['x'] });
        expect(await store.listCollections()).toContain(c);

        await store.dropCollection(c);
        expect(await store.listCollections()).not.toContain(c);
        expect(await store.get(c, 'a')).toBeNull();
        await store.dropCollection(c);
        await store.ensureCollection(c);
        expect(await store.find(c)).toEqual({ items: [], total: 0 });
      });

      it('refreshStatistics takes existing and missing collections and changes no document', async () => {
        const c = unique('coll');
        await store.ensureCollection(c, [
          { name: 'by_accounts', paths: ['accountIds'], kind: 'array' as const },
        ]);
        await store.write(async (tx) => {
          for (let i = 0; i < 50; i += 1) await tx.put(c, { id: `d${i}`, accountIds: [`a${i % 5}`] });
        });
        await store.refreshStatistics([c, unique('missing')]);
        const found = await store.find(c, {
          filter: { kind: 'overlaps', path: 'accountIds', values: ['a1'] },
        });
        expect(found.total).toBe(10);
      });

      it('lists only collections', async () => {
        await store.transact(unique('projection'), async () => 1);
        const c = unique('coll');
        await store.ensureCollection(c);
        const names = await store.listCollections();
        expect(names).toContain(c);
        for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,47}$/);
      });
    });

    describe('properties', () => {
      it('find(filter) returns exactly the documents matchesRecordFilter accepts, ordered by id', async () => {
        const c = unique('prop');
        await store.ensureCollection(c, [{ name: 'by_a', paths: ['a'], kind: 'array' }]);
        await fc.assert(
          fc.asyncProperty(
            documentsArb,
            fc.array(recordFilterArb, { minLength: 1, maxLength: 5 }),
            async (docs, filters) => {
              await store.write(async (tx) => {
                await tx.deleteMany(c, ALL);
                for (const doc of docs) await tx.put(c, doc);
              });
              for (const filter of filters) {
                const expected = docs
                  .filter((doc) => matchesRecordFilter(doc, filter))
                  .map((doc) => doc.id)
                  .sort();
                const found = await store.find(c, { filter });
                expect(found.items.map((doc) => doc.id)).toEqual(expected);
                expect(found.total).toBe(expected.length);
              }
            },
          ),
          { numRuns: 150 },
        );
      });

      it('countBy(filter, path) agrees with counting find(filter) per value', async () => {
        const c = unique('prop');
        await store.ensureCollection(c);
        await fc.assert(
          fc.asyncProperty(documentsArb, recordFilterArb, async (docs, filter) => {
            await store.write(async (tx) => {
              await tx.deleteMany(c, ALL);
              for (const doc of docs) await tx.put(c, doc);
            });
            const expected = new Map<string, number>();
            for (const doc of (await store.find(c, { filter })).items) {
              const key = JSON.stringify((doc as Record<string, unknown>).a ?? null);
              expected.set(key, (expected.get(key) ?? 0) + 1);
            }
            const counted = await store.countBy(c, filter, 'a');
            expect(new Map(counted.map(({ value, count }) => [JSON.stringify(value), count]))).toEqual(
              expected,
            );
          }),
          { numRuns: 60 },
        );
      });

      it('find(sort) orders scalars as the contract defines', async () => {
        const c = unique('propsort');
        await store.ensureCollection(c);
        await fc.assert(
          fc.asyncProperty(
            sortableDocumentsArb,
            fc.constantFrom('asc' as const, 'desc' as const),
            async (docs, direction) => {
              await store.write(async (tx) => {
                await tx.deleteMany(c, ALL);
                for (const doc of docs) await tx.put(c, doc);
              });
              const found = await store.find(c, { sort: [{ path: 'a', direction }] });
              expect(found.items.map((doc) => doc.id)).toEqual(
                [...docs].sort(compareBySortContract(direction)).map((d) => d.id),
              );
            },
          ),
          { numRuns: 80 },
        );
      });

      it('round-trips generated documents', async () => {
        const c = unique('roundtrip');
        await store.ensureCollection(c);
        await fc.assert(
          fc.asyncProperty(documentsArb, async (docs) => {
            await store.write(async (tx) => {
              for (const doc of docs) await tx.put(c, doc);
            });
            for (const doc of docs) expect(await store.get(c, doc.id)).toEqual(doc);
          }),
          { numRuns: 30 },
        );
      });
    });
  });
}
