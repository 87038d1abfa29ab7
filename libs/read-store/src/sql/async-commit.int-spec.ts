import { PgliteSqlClient } from '@portal/platform';
import { SqlReadStore } from './sql-read-store';

// transact's asyncCommit: the commit does not wait for the WAL to be flushed. Seen on PGlite, where
// nothing else flushes it (no WAL writer process, no other session): right after an asynchronous
// commit the WAL is written past what is flushed, after a usual one it is not. (On a PostgreSQL
// server its WAL writer and every other session's commit flush it too, so the gap is not there to
// see for sure; the statement is the same.)

describe('the SQL read store: asynchronous commits', () => {
  let client: PgliteSqlClient;
  let store: SqlReadStore;

  beforeAll(async () => {
    client = await PgliteSqlClient.open();
    store = await SqlReadStore.open(client, { ownsClient: false });
    await store.ensureCollection('async_commit_docs');
  });

  afterAll(async () => {
    await store.close();
    await client.close();
  });

  const flushBehind = async (): Promise<boolean> => {
    const { rows } = await client.query<{ behind: boolean }>(
      'SELECT pg_current_wal_insert_lsn() > pg_current_wal_flush_lsn() AS behind',
    );
    return rows[0].behind;
  };

  const batch = (position: number, asyncCommit: boolean): Promise<void> =>
    store.transact(
      'async-commit',
      async (tx) => {
        await tx.putMany('async_commit_docs', [{ id: `d${position}`, position }]);
        return position;
      },
      undefined,
      { asyncCommit },
    );

  it('commits a batch asked to without flushing the WAL, and the next usual commit flushes it', async () => {
    await batch(1, false);
    expect(await flushBehind()).toBe(false);
    await batch(2, true);
    expect(await flushBehind()).toBe(true);
    await batch(3, false);
    expect(await flushBehind()).toBe(false);
    expect(await store.getCheckpoint('async-commit')).toBe(3);
    expect(await store.getMany('async_commit_docs', ['d1', 'd2', 'd3'])).toHaveLength(3);
  });
});
