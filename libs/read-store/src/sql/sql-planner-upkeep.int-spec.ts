import { randomBytes } from 'node:crypto';
import { sqlClientsUnderTest, type SqlClient } from '@portal/platform';
import { SqlReadStore } from './sql-read-store';

// What keeps the SQL read store's plans and index look-ups right as tables grow: statistics
// refreshed once a tenth of a table changed (staleOnly), and array (GIN) indexes without the
// pending list every search would otherwise scan through. Both stores: one SQL client of a single
// connection each, so the server's change counters can be flushed on the connection that wrote.

const stores = sqlClientsUnderTest('sql-planner-upkeep', 'rs_upkeep_');

describe.each(stores)('the SQL read store on %s', (_name, connect) => {
  jest.setTimeout(60_000);
  let sql: SqlClient;
  let store: SqlReadStore;
  let cleanUp: () => Promise<void>;
  let written = 0;

  beforeAll(async () => {
    ({ sql, cleanUp } = await connect());
    store = await SqlReadStore.open(sql, { ownsClient: false });
  });

  afterAll(async () => {
    await store.close();
    await cleanUp();
  });

  /** Writes `count` documents, one transaction each (as live batches do), and reports the changes to the server's counters. */
  const writeDocs = async (collection: string, count: number): Promise<void> => {
    for (let i = 0; i < count; i += 1) {
      written += 1;
      await store.write((tx) => tx.put(collection, { id: `d${written}`, accountIds: [`a${written % 7}`] }));
    }
    // The counters are reported when the connection next goes idle; this makes it the next time.
    await sql.query('SELECT pg_stat_force_next_flush()');
  };

  const rowsPlannedFor = async (collection: string): Promise<number> => {
    const { rows } = await sql.query<{ rows: number }>(
      'SELECT reltuples::int AS rows FROM pg_class WHERE oid = $1::regclass',
      [`rm_${collection}`],
    );
    return rows[0].rows;
  };

  it('refreshes with staleOnly the statistics of a table only once more than 50 + a tenth of its rows changed', async () => {
    const c = `stats_${randomBytes(4).toString('hex')}`;
    await store.ensureCollection(c);
    await writeDocs(c, 200);
    await store.refreshStatistics([c], { staleOnly: true });
    expect(await rowsPlannedFor(c)).toBe(200);

    await writeDocs(c, 60); // 60 ≤ 50 + 20
    await store.refreshStatistics([c], { staleOnly: true });
    expect(await rowsPlannedFor(c)).toBe(200);

    await writeDocs(c, 20); // 80 > 70
    await store.refreshStatistics([c], { staleOnly: true });
    expect(await rowsPlannedFor(c)).toBe(280);

    await writeDocs(c, 1);
    await store.refreshStatistics([c]);
    expect(await rowsPlannedFor(c)).toBe(281);
  });

  /** ANALYZEs of a table so far (the server's counter, flushed first). */
  const analyzeCount = async (table: string): Promise<number> => {
    await sql.query('SELECT pg_stat_force_next_flush()');
    await sql.query('SELECT 1');
    const { rows } = await sql.query<{ n: number }>(
      'SELECT pg_stat_get_analyze_count($1::regclass)::int AS n',
      [table],
    );
    return rows[0].n;
  };

  it('refreshes with staleOnly the statistics of a counts table once groups came or went, not as their counts move', async () => {
    const c = `counted_${randomBytes(4).toString('hex')}`;
    await store.ensureCollection(c, [{ name: 'by_g', kind: 'counts', paths: ['g'] }]);
    const counts = `rc_${c}__by_g`;
    const put = async (from: number, count: number, group: (i: number) => number): Promise<void> => {
      for (let i = from; i < from + count; i += 1)
        await store.write((tx) => tx.put(c, { id: `d${i}`, g: group(i) }));
      await sql.query('SELECT pg_stat_force_next_flush()');
    };
    await put(0, 100, (i) => i); // 100 groups
    await store.refreshStatistics([c], { staleOnly: true });
    const analyzed = await analyzeCount(counts);
    expect(await analyzeCount(`rm_${c}`)).toBe(1);

    await put(100, 200, (i) => i % 100); // 200 changes of existing groups' counts, no new group
    await store.refreshStatistics([c], { staleOnly: true });
    expect(await analyzeCount(`rm_${c}`)).toBe(2);
    expect(await analyzeCount(counts)).toBe(analyzed);

    await put(300, 61, (i) => i); // 61 new groups > 50 + 10
    await store.refreshStatistics([c], { staleOnly: true });
    expect(await analyzeCount(counts)).toBe(analyzed + 1);
    const { rows } = await sql.query<{ rows: number }>(
      'SELECT reltuples::int AS rows FROM pg_class WHERE oid = $1::regclass',
      [counts],
    );
    expect(rows[0].rows).toBe(161);
  });

  const pendingPages = async (index: string): Promise<number> => {
    const { rows } = await sql.query<{ pages: number }>(
      'SELECT gin_clean_pending_list($1::regclass) AS pages',
      [index],
    );
    return Number(rows[0].pages);
  };

  it('keeps no pending list in an array index, so no search scans one', async () => {
    const c = `gin_${randomBytes(4).toString('hex')}`;
    await store.ensureCollection(c, [{ name: 'accounts', paths: ['accountIds'], kind: 'array' }]);
    await writeDocs(c, 300);
    expect(await pendingPages(`rm_${c}__accounts`)).toBe(0);
    const found = await store.find(c, { filter: { kind: 'overlaps', path: 'accountIds', values: ['a3'] } });
    expect(found.total).toBe(
      (await store.find(c)).items.filter((d) => (d.accountIds as string[])[0] === 'a3').length,
    );
  });

  it('turns the pending list off in an array index made with one, and merges what it held', async () => {
    const c = `gin_old_${randomBytes(4).toString('hex')}`;
    await store.ensureCollection(c);
    // As ensureCollection made array indexes before: the server's default, a pending list.
    await sql.query(`CREATE INDEX "rm_${c}__accounts" ON "rm_${c}" USING gin ((doc #> '{accountIds}'))`);
    await writeDocs(c, 100);
    await store.ensureCollection(c, [{ name: 'accounts', paths: ['accountIds'], kind: 'array' }]);
    await writeDocs(c, 100);
    expect(await pendingPages(`rm_${c}__accounts`)).toBe(0);
  });
});
