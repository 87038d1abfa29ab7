// The contract of declared path types (CollectionOptions.pathTypes), run by each adapter's spec
// beside readStoreContract: a promise about speed only. A collection made with them answers every
// find, total, count and delete exactly as a plain one holding the same documents, whatever the
// documents hold at those paths (strings, numbers, booleans, null, nothing, objects, arrays) and
// whatever the filters compare them with, through its btrees, its counts and its ordered elements.
import fc from 'fast-check';
import type { RecordFilter } from '@portal/acl';
import type { Document, FindQuery, IndexSpec, ReadStore, SortKey } from './read-store.port';
import { InvalidReadStoreInputError } from './read-store-input';
import { PATHS, documentsArb, recordFilterArb } from './testing/record-arbitraries';

/** Every path the generated filters read most, one type each, and a nested one. */
const TYPES = { a: 'string', b: 'boolean', c: 'string', 'a.b': 'boolean' } as const;

/** Indexes on the typed paths of each kind that reads them: btrees (one in an order), counts, ordered elements. */
const INDEXES: IndexSpec[] = [
  { name: 'a_b_c', paths: ['a', 'b'], sort: [{ path: 'c', direction: 'desc' }] },
  { name: 'c_ab', paths: ['c', 'a.b'] },
  { name: 'counts', kind: 'counts', paths: ['a', 'b', 'c'] },
  { name: 'c_elements', paths: ['c'], kind: 'array', sort: [{ path: 'a', direction: 'asc' }] },
];

const sortArb: fc.Arbitrary<SortKey[]> = fc.array(
  fc.record({
    path: fc.constantFrom<string>(...PATHS),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { maxLength: 2 },
);

/** Documents whose typed paths mostly hold their type, so the typed comparisons find matches. */
const typedDocumentsArb = fc
  .tuple(documentsArb, fc.array(fc.tuple(fc.constantFrom('x', 'y', ''), fc.boolean()), { maxLength: 12 }))
  .map(([docs, values]) =>
    docs.map((doc, i) =>
      i < values.length && i % 2 === 0 ? { ...doc, a: values[i][0], b: values[i][1] } : doc,
    ),
  );

/** Filters reaching the typed paths with values of their types and others, as equalities and inside ORs. */
const typedFilterArb: fc.Arbitrary<RecordFilter> = fc.oneof(
  recordFilterArb,
  fc
    .tuple(
      fc.constantFrom('x', 'y', 1, null, 'true'),
      fc.constantFrom<boolean | string | null>(true, false, 'false', null),
      recordFilterArb,
    )
    .map(([a, b, rest]): RecordFilter => ({
      kind: 'and',
      filters: [
        { kind: 'eq', path: 'a', value: a },
        { kind: 'in', path: 'b', values: [b, true] },
        { kind: 'or', filters: [rest, { kind: 'overlaps', path: 'c', values: ['x', 'y'] }] },
      ],
    })),
);

export function readStoreTypedContract(name: string, open: () => Promise<ReadStore>): void {
  describe(`read store contract, declared path types: ${name}`, () => {
    jest.setTimeout(180_000);
    let store: ReadStore;
    let counter = 0;
    const unique = (label: string): string => `${label}_${++counter}`;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store.close();
    });

    /** A plain and a typed collection with the same indexes, holding the same documents. */
    const pair = async (docs: readonly Document[]): Promise<{ plain: string; typed: string }> => {
      const plain = unique('untyped');
      const typed = unique('path_typed');
      await store.ensureCollection(plain, INDEXES);
      await store.ensureCollection(typed, INDEXES, { pathTypes: TYPES });
      await store.write(async (tx) => {
        await tx.insertMany(plain, docs);
        await tx.insertMany(typed, docs);
      });
      return { plain, typed };
    };

    it('finds, totals, counts and deletes exactly as a plain collection does', async () => {
      await fc.assert(
        fc.asyncProperty(
          typedDocumentsArb,
          typedFilterArb,
          sortArb,
          fc.option(fc.nat(3), { nil: undefined }),
          fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          async (docs, filter, sort, offset, limit) => {
            const { plain, typed } = await pair(docs);
            const query: FindQuery = { filter, sort, offset, limit };
            expect(await store.find(typed, query)).toEqual(await store.find(plain, query));
            const byValue = (counts: { value: unknown; count: number }[]): string[] =>
              counts.map((c) => JSON.stringify(c)).sort();
            expect(byValue(await store.countBy(typed, filter, 'a'))).toEqual(
              byValue(await store.countBy(plain, filter, 'a')),
            );
            let deleted = [0, 0];
            await store.write(async (tx) => {
              deleted = [await tx.deleteMany(typed, filter), await tx.deleteMany(plain, filter)];
            });
            expect(deleted[0]).toBe(deleted[1]);
            expect(await store.find(typed, { sort })).toEqual(await store.find(plain, { sort }));
          },
        ),
        { numRuns: 25 },
      );
    });

    it('keeps live writes exact: puts, replacements and deletes of typed and other values', async () => {
      const { plain, typed } = await pair([
        { id: 'd1', a: 'x', b: true, c: 'x' },
        { id: 'd2', a: 1, b: 'true', c: ['x'] },
      ]);
      for (const c of [plain, typed])
        await store.write(async (tx) => {
          await tx.put(c, { id: 'd1', a: 'y', b: false, c: 'z' });
          await tx.putMany(c, [
            { id: 'd3', a: 'x', b: null },
            { id: 'd4', a: { b: true }, c: 'x' },
          ]);
          await tx.delete(c, 'd2');
        });
      for (const filter of [
        { kind: 'eq', path: 'a', value: 'x' },
        { kind: 'eq', path: 'b', value: false },
        { kind: 'eq', path: 'a.b', value: true },
        { kind: 'in', path: 'a', values: ['y', 1, null] },
      ] satisfies RecordFilter[]) {
        const query: FindQuery = { filter, sort: [{ path: 'c', direction: 'desc' }], limit: 10 };
        expect(await store.find(typed, query)).toEqual(await store.find(plain, query));
      }
    });

    it('refuses path types it does not know and paths it would not take', async () => {
      const c = unique('path_typed');
      await expect(
        store.ensureCollection(c, [], { pathTypes: { a: 'number' } as unknown as { a: 'string' } }),
      ).rejects.toThrow(InvalidReadStoreInputError);
      await expect(store.ensureCollection(c, [], { pathTypes: { 'a..b': 'string' } })).rejects.toThrow(
        InvalidReadStoreInputError,
      );
    });
  });
}
