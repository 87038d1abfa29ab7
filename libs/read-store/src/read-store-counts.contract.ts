// The contract of counts and sorted indexes (IndexSpec kind `counts`, IndexSpec.sort), run by each
// adapter's spec beside readStoreContract: whatever a store keeps or builds for them, find's total
// and order stay exactly those of the documents, through every kind of write.
import fc from 'fast-check';
import { ALL, and, matchesRecordFilter, or, type RecordFilter } from '@portal/acl';
import type { Document, IndexSpec, ReadStore, SortKey } from './read-store.port';
import { InvalidReadStoreInputError } from './read-store-input';
import { compareBySortContract, documentsArb, recordFilterArb } from './testing/record-arbitraries';

/** Filters over the counted paths (answered from counts where a store keeps them) and beyond. */
const FILTERS: RecordFilter[] = [
  ALL,
  { kind: 'eq', path: 'kind', value: 'Case' },
  { kind: 'eq', path: 'owner.id', value: null },
  { kind: 'ne', path: 'owner.id', value: 'u1' },
  { kind: 'overlaps', path: 'tags', values: ['a', 7] },
  { kind: 'isEmpty', path: 'tags' },
  { kind: 'in', path: 'kind', values: ['Case', null] },
  { kind: 'notIn', path: 'kind', values: ['Case'] },
  and(
    { kind: 'eq', path: 'kind', value: 'Case' },
    or({ kind: 'eq', path: 'owner.id', value: 'u2' }, { kind: 'overlaps', path: 'tags', values: ['b'] }),
  ),
  // Not counted paths: `n`, and `owner` whole (the counts hold only owner.id of it).
  { kind: 'eq', path: 'n', value: 1 },
  and({ kind: 'eq', path: 'kind', value: 'Case' }, { kind: 'ne', path: 'n', value: 2 }),
  { kind: 'eq', path: 'owner', value: null },
];

const COUNTED: IndexSpec = { name: 'scope_counts', kind: 'counts', paths: ['kind', 'owner.id', 'tags'] };

export function readStoreCountsContract(name: string, open: () => Promise<ReadStore>): void {
  describe(`read store contract, counts and sorted indexes: ${name}`, () => {
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

    /** Every filter's total (whole, a page, a page past the end, count only) against the model. */
    const expectTotals = async (c: string, model: Map<string, Document>): Promise<void> => {
      for (const filter of FILTERS) {
        const expected = [...model.values()].filter((doc) => matchesRecordFilter(doc, filter)).length;
        const sort: SortKey[] = [{ path: 'at', direction: 'desc' }];
        const label = JSON.stringify(filter);
        expect([label, (await store.find(c, { filter })).total]).toEqual([label, expected]);
        expect([label, (await store.find(c, { filter, sort, limit: 2 })).total]).toEqual([label, expected]);
        expect([label, (await store.find(c, { filter, sort, offset: 100, limit: 2 })).total]).toEqual([
          label,
          expected,
        ]);
        expect([label, (await store.find(c, { filter, limit: 0 })).total]).toEqual([label, expected]);
      }
    };

    const doc = (id: string, kind: unknown, owner: unknown, tags: unknown, n = 1): Document => ({
      id,
      kind,
      ...(owner === undefined ? {} : { owner }),
      tags,
      n,
      at: `2026-01-${String((Number(id.replace(/\D/g, '')) % 28) + 1).padStart(2, '0')}`,
    });

    it('keeps totals exact through puts, bulk writes, deletes and a rolled-back transaction', async () => {
      const c = unique('counted');
      await store.ensureCollection(c, [
        COUNTED,
        { name: 'kind_at', paths: ['kind'], sort: [{ path: 'at', direction: 'desc' }] },
      ]);
      const model = new Map<string, Document>();
      const apply = (docs: Document[]) => docs.forEach((d) => model.set(d.id, d));
      await expectTotals(c, model);

      const first = [
        doc('d1', 'Case', { id: 'u1' }, ['a']),
        doc('d2', 'Case', { id: 'u2' }, ['b', 7]),
        doc('d3', 'Case', null, []),
        doc('d4', 'Task', { id: 'u1' }, 'a'),
        doc('d5', 'Case', undefined, ['a', 'b'], 2),
        doc('d6', null, { id: ['u1'] }, { a: 1 }),
      ];
      await store.write(async (tx) => {
        for (const d of first.slice(0, 2)) await tx.put(c, d);
        await tx.putMany(c, first.slice(2, 4));
        await tx.insertMany(c, first.slice(4));
      });
      apply(first);
      await expectTotals(c, model);

      // Replacing: some documents move to other groups, some stay in theirs, one repeats itself.
      const moved = [
        doc('d1', 'Task', { id: 'u1' }, ['a']),
        doc('d3', 'Case', null, [], 5),
        doc('d7', 'Case', { id: 'u2' }, ['b']),
      ];
      await store.write(async (tx) => {
        await tx.putMany(c, moved);
        await tx.put(c, doc('d2', 'Case', { id: 'u1' }, ['b', 7]));
        await tx.put(c, doc('d2', 'Case', { id: 'u1' }, ['b', 7]));
        // Inside the transaction, a total already sees its own writes.
        expect((await tx.find(c, { filter: { kind: 'eq', path: 'owner.id', value: 'u1' } })).total).toBe(3);
      });
      apply([...moved, doc('d2', 'Case', { id: 'u1' }, ['b', 7])]);
      await expectTotals(c, model);

      await store.write(async (tx) => {
        await tx.delete(c, 'd4');
        await tx.deleteIds(c, ['d5', 'never-there']);
        expect(await tx.deleteMany(c, { kind: 'eq', path: 'kind', value: null })).toBe(1);
      });
      for (const id of ['d4', 'd5', 'd6']) model.delete(id);
      await expectTotals(c, model);

      await expect(
        store.transact(unique('projection'), async (tx) => {
          await tx.putMany(c, [doc('d8', 'Case', { id: 'u1' }, ['a']), doc('d1', 'Case', null, [])]);
          await tx.deleteIds(c, ['d2']);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await expectTotals(c, model);

      // Everything out, then in again.
      await store.write(async (tx) => {
        await tx.deleteMany(c, ALL);
      });
      await expectTotals(c, new Map());
      await store.write(async (tx) => tx.putMany(c, [...model.values()]));
      await expectTotals(c, model);
    });

    it('counts documents already there when counts are added, and starts again with a dropped collection', async () => {
      const c = unique('counted');
      await store.ensureCollection(c);
      const docs = Array.from({ length: 40 }, (_, i) =>
        doc(
          `d${i}`,
          i % 3 === 0 ? 'Task' : 'Case',
          i % 4 === 0 ? null : { id: `u${i % 3}` },
          i % 5 === 0 ? [] : ['a', i % 2 === 0 ? 'b' : 7],
          i % 3,
        ),
      );
      await store.write(async (tx) => tx.putMany(c, docs));
      await store.ensureCollection(c, [COUNTED]);
      await store.ensureCollection(c, [COUNTED]);
      const model = new Map(docs.map((d) => [d.id, d]));
      await expectTotals(c, model);
      await store.write(async (tx) => tx.deleteIds(c, ['d1', 'd2', 'd3']));
      for (const id of ['d1', 'd2', 'd3']) model.delete(id);
      await expectTotals(c, model);

      // Another instance (another process) sees the same totals.
      const other = await open();
      try {
        expect((await other.find(c, { filter: FILTERS[1] })).total).toBe(
          [...model.values()].filter((d) => matchesRecordFilter(d, FILTERS[1])).length,
        );
      } finally {
        await other.close();
      }

      await store.dropCollection(c);
      expect(await store.listCollections()).not.toContain(c);
      await store.ensureCollection(c, [COUNTED]);
      await expectTotals(c, new Map());
      await store.write(async (tx) => tx.put(c, docs[5]));
      await expectTotals(c, new Map([[docs[5].id, docs[5]]]));
    });

    it('refuses counted paths that repeat or lie inside another, and a sort on counts or on an array index of several paths', async () => {
      const c = unique('counted');
      const bad: IndexSpec[] = [
        { name: 'twice', kind: 'counts', paths: ['a', 'a'] },
        { name: 'inside', kind: 'counts', paths: ['a', 'a.b'] },
        { name: 'sorted_arrays', kind: 'array', paths: ['a', 'c'], sort: [{ path: 'b', direction: 'asc' }] },
        { name: 'sorted_counts', kind: 'counts', paths: ['a'], sort: [{ path: 'b', direction: 'asc' }] },
        { name: 'empty_sort', paths: ['a'], sort: [] },
        { name: 'bad_sort', paths: ['a'], sort: [{ path: 'b;', direction: 'asc' }] },
      ];
      for (const spec of bad)
        await expect(store.ensureCollection(c, [spec])).rejects.toThrow(InvalidReadStoreInputError);
    });

    it('pages in a sorted index order exactly as find sorts, whatever the sort path holds', async () => {
      const c = unique('sorted');
      await store.ensureCollection(c, [
        { name: 'kind_at', paths: ['kind'], sort: [{ path: 'at', direction: 'desc' }] },
        COUNTED,
      ]);
      const values: unknown[] = [
        '2026-01-02',
        '2026-01-10',
        'b',
        '',
        'Zed',
        3,
        -1,
        2.5,
        true,
        false,
        null,
        undefined,
        '2026-01-02',
      ];
      const docs = Array.from({ length: 600 }, (_, i): Document => {
        const at = values[(i * 7) % values.length];
        return {
          id: `s${String(i).padStart(3, '0')}`,
          kind: i % 10 === 0 ? 'Task' : 'Case',
          ...(at === undefined ? {} : { at }),
        };
      });
      await store.write(async (tx) => tx.putMany(c, docs));
      const filter: RecordFilter = { kind: 'eq', path: 'kind', value: 'Case' };
      for (const direction of ['desc', 'asc'] as const) {
        const expected = docs
          .filter((d) => d.kind === 'Case')
          .map((d) => ({ id: d.id, a: d.at as never }))
          .sort(compareBySortContract(direction))
          .map((d) => d.id);
        const pages: string[] = [];
        for (let offset = 0; offset < expected.length; offset += 50) {
          const page = await store.find(c, { filter, sort: [{ path: 'at', direction }], offset, limit: 50 });
          expect(page.total).toBe(expected.length);
          pages.push(...page.items.map((d) => d.id));
        }
        expect(pages).toEqual(expected);
      }
    });

    it('pages a scope reaching documents through an ordered array exactly as find sorts, through every kind of write', async () => {
      const c = unique('ordered');
      const sort: SortKey[] = [{ path: 'at', direction: 'desc' }];
      await store.ensureCollection(c, [
        { name: 'tags_at', kind: 'array', paths: ['tags'], sort },
        { name: 'by_tags', kind: 'array', paths: ['tags'] },
        COUNTED,
      ]);
      const ats: unknown[] = ['2026-01-02', '2026-01-10', 'b', 3, -1, true, null, undefined, { x: 1 }, [1]];
      // Tags: one element, several, one twice, none, a scalar, missing, mixed types; in one
      // document of ten, so each scope is narrow (found, not read along the whole order).
      const tagsOf = (i: number): unknown =>
        i % 10 === 0
          ? [['t1'], ['t2', 't1'], ['t1', 't1'], [], 't1', undefined, [7, 't2'], ['t3']][(i / 10) % 8]
          : ['z'];
      const make = (i: number, version = 0): Document => {
        const at = ats[(i * 7 + version) % ats.length];
        const tags = tagsOf(i + version * 10);
        return {
          id: `o${String(i).padStart(4, '0')}`,
          kind: i % 9 === 0 ? 'Task' : 'Case',
          owner: { id: i % 50 === 3 ? 'u2' : 'u1' },
          ...(tags === undefined ? {} : { tags }),
          ...(at === undefined ? {} : { at }),
        };
      };
      const model = new Map<string, Document>();
      const filters: RecordFilter[] = [
        { kind: 'overlaps', path: 'tags', values: ['t1'] },
        { kind: 'overlaps', path: 'tags', values: ['t2', 7, null] },
        and(
          { kind: 'eq', path: 'kind', value: 'Case' },
          or(
            { kind: 'eq', path: 'owner.id', value: 'u2' },
            { kind: 'overlaps', path: 'tags', values: ['t3', 't2'] },
          ),
        ),
      ];
      const expectPages = async (): Promise<void> => {
        for (const filter of filters) {
          for (const direction of ['desc', 'asc'] as const) {
            const expected = [...model.values()]
              .filter((d) => matchesRecordFilter(d, filter))
              .map((d) => ({ id: d.id, a: d.at as never }))
              .sort(compareBySortContract(direction))
              .map((d) => d.id);
            const label = `${JSON.stringify(filter)} ${direction}`;
            for (const [offset, limit] of [
              [0, 5],
              [5, 7],
              [0, 1000],
              [Math.max(0, expected.length - 3), 5],
            ]) {
              const page = await store.find(c, { filter, sort: [{ path: 'at', direction }], offset, limit });
              expect([label, offset, page.items.map((d) => d.id)]).toEqual([
                label,
                offset,
                expected.slice(offset, offset + limit),
              ]);
              expect([label, page.total]).toEqual([label, expected.length]);
            }
          }
        }
      };
      const initial = Array.from({ length: 1200 }, (_, i) => make(i));
      await store.write((tx) => tx.putMany(c, initial));
      initial.forEach((d) => model.set(d.id, d));
      await store.refreshStatistics([c]);
      await expectPages();
      // Replaced one by one and in bulk (tags and order changed), deleted, and a write rolled back.
      const replaced = Array.from({ length: 30 }, (_, i) => make(i * 10, 1));
      await store.write(async (tx) => {
        for (const d of replaced.slice(0, 10)) await tx.put(c, d);
        await tx.putMany(c, replaced.slice(10));
      });
      replaced.forEach((d) => model.set(d.id, d));
      await store.write(async (tx) => {
        await tx.deleteIds(c, ['o0000', 'o0020', 'o0110']);
        await tx.delete(c, 'o0040');
      });
      ['o0000', 'o0020', 'o0110', 'o0040'].forEach((id) => model.delete(id));
      await expect(
        store.write(async (tx) => {
          await tx.putMany(c, [make(50, 2), make(60, 2)]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await expectPages();
    });

    it('answers every filter total as counting the documents would (property)', async () => {
      const c = unique('counted');
      await store.ensureCollection(c, [
        { name: 'whole', kind: 'counts', paths: ['a', 'b', 'c'] },
        { name: 'nested', kind: 'counts', paths: ['a.a', 'a.b', 'b.c'] },
      ]);
      await fc.assert(
        fc.asyncProperty(
          documentsArb,
          documentsArb,
          fc.array(fc.nat({ max: 11 }), { maxLength: 4 }),
          fc.array(recordFilterArb, { minLength: 1, maxLength: 4 }),
          async (docs, replacements, deleted, filters) => {
            const model = new Map<string, Document>();
            await store.write(async (tx) => {
              await tx.deleteMany(c, ALL);
              await tx.putMany(c, docs);
            });
            docs.forEach((d) => model.set(d.id, d));
            // Replaced one by one (some new ids), then a few deleted, each in its own write.
            await store.write(async (tx) => {
              for (const d of replacements) await tx.put(c, d);
            });
            replacements.forEach((d) => model.set(d.id, d));
            await store.write(async (tx) =>
              tx.deleteIds(
                c,
                deleted.map((i) => `d${i}`),
              ),
            );
            deleted.forEach((i) => model.delete(`d${i}`));
            for (const filter of filters) {
              const expected = [...model.values()].filter((d) => matchesRecordFilter(d, filter)).length;
              expect((await store.find(c, { filter, limit: 3 })).total).toBe(expected);
              expect((await store.find(c, { filter, limit: 0 })).total).toBe(expected);
            }
          },
        ),
        { numRuns: 80 },
      );
    });
  });
}
