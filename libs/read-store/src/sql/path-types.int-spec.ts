import { and, type RecordFilter } from '@portal/acl';
import { sqlClientsUnderTest, type SqlClient } from '@portal/platform';
import type { PathTypes, SortKey } from '../read-store.port';
import { SqlParameters, orderBy, recordFilterToSql } from './record-filter-to-sql';
import { KnownTables } from './sql-documents';
import { SqlReadStore } from './sql-read-store';

// Declared path types (CollectionOptions.pathTypes) on the SQL stores: the btrees are built on the
// typed values, every process learns the types from the table, and a list's equalities and order
// are written so the planner reads its page along that index (the contract checks the results).

const stores = sqlClientsUnderTest('path-types', 'rs_types_');

const TYPES: PathTypes = { entityType: 'string', deleted: 'boolean' };
const NEWEST_FIRST: SortKey[] = [{ path: 'createdAt', direction: 'desc' }];

describe.each(stores)('declared path types on %s', (_name, connect) => {
  jest.setTimeout(60_000);
  let sql: SqlClient;
  let store: SqlReadStore;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ sql, cleanUp } = await connect());
    store = await SqlReadStore.open(sql, { ownsClient: false });
  });

  afterAll(async () => {
    await store.close();
    await cleanUp();
  });

  /** A collection of 3,000 records of 30 types, a tenth deleted, with the lists' index and statistics. */
  const listed = async (collection: string, pathTypes?: PathTypes): Promise<void> => {
    await store.ensureCollection(
      collection,
      [{ name: 'type_deleted_created', paths: ['entityType', 'deleted'], sort: NEWEST_FIRST }],
      { pathTypes },
    );
    const docs = Array.from({ length: 3_000 }, (_, i) => ({
      id: `r${i}`,
      entityType: `type${i % 30}`,
      deleted: i % 10 === 0,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    await store.write((tx) => tx.insertMany(collection, docs));
    await store.refreshStatistics([collection]);
  };

  /** The plan of a page of one type's live records, newest first, as `find` filters and orders it. */
  const planOfPage = async (collection: string, types: PathTypes): Promise<string> => {
    const filter: RecordFilter = and(
      { kind: 'eq', path: 'entityType', value: 'type7' },
      { kind: 'eq', path: 'deleted', value: false },
    );
    const params = new SqlParameters();
    const where = recordFilterToSql(filter, params, types);
    const { rows } = await sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT doc FROM rm_${collection} WHERE ${where} ORDER BY ${orderBy(NEWEST_FIRST)} LIMIT 20`,
      params.values,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  it('builds the btree on the typed values and reads a page in its order, with no sort', async () => {
    await listed('typed_list', TYPES);
    const { rows } = await sql.query<{ def: string }>(
      `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'rm_typed_list'::regclass AND NOT indisprimary`,
    );
    expect(rows[0].def).toContain(`= 'string'::text) THEN`);
    expect(rows[0].def).toContain(`= 'boolean'::text) THEN`);
    const plan = await planOfPage('typed_list', TYPES);
    expect(plan).toContain('Index Scan using rm_typed_list__type_deleted_created');
    expect(plan).not.toContain('Sort');
  });

  it('tells every process the types a table was made with; a table that exists keeps its own', async () => {
    await listed('typed_other', TYPES);
    const elsewhere = new KnownTables();
    expect(await elsewhere.exists(sql, 'rm_typed_other')).toBe(true);
    expect(elsewhere.pathTypes('rm_typed_other')).toEqual(TYPES);

    await listed('plain_list');
    await store.ensureCollection('plain_list', [], { pathTypes: TYPES });
    const again = new KnownTables();
    expect(await again.exists(sql, 'rm_plain_list')).toBe(true);
    expect(again.pathTypes('rm_plain_list')).toEqual({});
    // Its JSONB btree still serves the page, written as for JSONB.
    expect(await planOfPage('plain_list', {})).toContain(
      'Index Scan using rm_plain_list__type_deleted_created',
    );
  });
});
