import { sqlClientsUnderTest, type SqlClient } from '@portal/platform';
import type { IndexSpec } from '../read-store.port';
import { SqlReadStore } from './sql-read-store';

// Counts added to a table that already holds documents are filled by one statement over the
// table (a rebuild's, after the load); from then on the triggers keep them. Both must make the same
// groups under the same keys, or a later write of a document filled in lands on a group of its
// own: totals would still add up, so only the counts table itself shows it. Numbers are the case
// to watch: 1 and 1.0 are equal JSONB but texts apart, and a group's key is its text.

const COUNTED: IndexSpec = { name: 'scope_counts', kind: 'counts', paths: ['kind', 'owner.id', 'tags'] };

/** Documents as JSON texts (so that a number can be written 1.0), with their ids. */
const DOCS: [string, string][] = [
  ['a1', '{"kind": "Case", "owner": {"id": "u1"}, "tags": ["a"]}'],
  ['a2', '{"kind": "Case", "owner": {"id": "u1"}, "tags": ["a"]}'],
  ['a3', '{"kind": "Case", "owner": null, "tags": []}'],
  ['a4', '{"kind": "Case", "tags": []}'],
  ['a5', '{"kind": "Task", "owner": {"id": "u2"}}'],
  ['n1', '{"kind": 1, "tags": [7]}'],
  ['n2', '{"kind": 1.0, "tags": [7]}'],
  ['n3', '{"kind": 1.0, "tags": [7.00]}'],
  ['n4', '{"kind": "Case", "owner": {"id": 2.5}, "tags": ["a"]}'],
];

const stores = sqlClientsUnderTest('document-counts-fill', 'rs_counts_fill_');

describe.each(stores)('counts filled from the documents there, on %s', (_name, connect) => {
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

  const insert = async (collection: string, docs: [string, string][]): Promise<void> => {
    for (const [id, doc] of docs)
      await sql.query(`INSERT INTO "rm_${collection}" (id, doc) VALUES ($1, $2::jsonb)`, [id, doc]);
  };

  /** The counts table's rows: key, group text, number. */
  const groups = async (collection: string): Promise<string[]> => {
    const { rows } = await sql.query<{ counts_table: string }>(
      'SELECT counts_table FROM rs_counts WHERE tbl = $1',
      [`rm_${collection}`],
    );
    const { rows: counted } = await sql.query<{ row: string }>(
      `SELECT encode(key, 'hex') || ' ' || doc::text || ' ' || n AS row FROM "${rows[0].counts_table}" ORDER BY 1`,
    );
    return counted.map((r) => r.row);
  };

  it('makes the groups the triggers make, numbers written apart included, and later writes land on them', async () => {
    const byTriggers = 'by_triggers';
    await store.ensureCollection(byTriggers, [COUNTED]);
    await insert(byTriggers, DOCS);
    const filled = 'filled';
    await store.ensureCollection(filled);
    await insert(filled, DOCS);
    await store.ensureCollection(filled, [COUNTED]);
    const expected = await groups(byTriggers);
    expect(expected.length).toBeGreaterThan(5);
    expect(await groups(filled)).toEqual(expected);

    // Documents filled in, deleted by the triggers' way: their groups empty and go.
    for (const collection of [byTriggers, filled])
      await sql.query(`DELETE FROM "rm_${collection}" WHERE id IN ('n2', 'a5', 'n4')`);
    expect(await groups(filled)).toEqual(await groups(byTriggers));
    expect((await groups(filled)).every((row) => !row.endsWith(' 0') && !row.includes(' -'))).toBe(true);
  });
});
