import { sqlClientsUnderTest, type SqlClient } from '@portal/platform';
import { SqlReadStore } from './sql-read-store';

// A wait learns of a checkpoint its own store committed when the commit returns
// (CheckpointAnnouncements), not through a notification: here there is none (the client cannot
// LISTEN) and the store would re-read only after a poll interval far past the test. So a wait still
// running once the commit's microtasks are done is one the commit did not end: closing the store
// then ends it, false.

const stores = sqlClientsUnderTest('own-commit-wakes-wait', 'rs_own_commit_');

/** The client, deaf: its LISTEN fails, as when the connection that LISTENs is down. */
function deaf(sql: SqlClient): SqlClient {
  return {
    kind: sql.kind,
    query: (text, params) => sql.query(text, params),
    transaction: (fn) => sql.transaction(fn),
    listen: () => Promise.reject(new Error('no LISTEN here')),
    close: () => Promise.resolve(),
  };
}

describe.each(stores)('a wait woken by its own store on %s', (_name, connect) => {
  jest.setTimeout(60_000);
  let sql: SqlClient;
  let cleanUp: () => Promise<void>;
  let counter = 0;
  const unique = (label: string): string => `${label}_${++counter}`;

  beforeAll(async () => {
    ({ sql, cleanUp } = await connect());
  });

  afterAll(async () => {
    await cleanUp();
  });

  const deafStore = (): Promise<SqlReadStore> =>
    SqlReadStore.open(deaf(sql), { ownsClient: false, pollIntervalMs: 600_000 });

  /** What the wait answers once everything the last commit set off has run, and the store closed. */
  const endOf = async (store: SqlReadStore, waiting: Promise<boolean>): Promise<boolean> => {
    await new Promise((resolve) => setImmediate(resolve));
    await store.close();
    return waiting;
  };

  it('ends when a transaction under the lock commits the checkpoint', async () => {
    const store = await deafStore();
    const p = unique('projection');
    const waiting = store.waitForCheckpoint(p, 2, 30_000);
    await store.transact(p, async () => 1);
    await store.transact(p, async () => 2);
    expect(await endOf(store, waiting)).toBe(true);
  });

  it('ends when an optimistic write commits the checkpoint', async () => {
    const store = await deafStore();
    const c = unique('docs');
    const p = unique('projection');
    await store.ensureCollection(c);
    await store.transact(p, async () => 0);
    const waiting = store.waitForCheckpoint(p, 1, 30_000);
    await store.transact(
      p,
      async (tx) => {
        await tx.putMany(c, [{ id: 'a', n: 1 }]);
        return 1;
      },
      [{ collection: c, ids: ['a'] }],
      { optimistic: true },
    );
    expect(await store.get(c, 'a')).toEqual({ id: 'a', n: 1 });
    expect(await endOf(store, waiting)).toBe(true);
  });

  it('is not ended by a checkpoint of another projection, nor by a write that moves none', async () => {
    const store = await deafStore();
    const p = unique('projection');
    const other = unique('projection');
    const waiting = store.waitForCheckpoint(p, 1, 30_000);
    await store.transact(other, async () => 5);
    await store.transact(p, async () => undefined);
    expect(await endOf(store, waiting)).toBe(false);
  });
});
