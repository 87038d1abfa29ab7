import { sqlClientsUnderTest, type SqlClient, type SqlQueryable } from '@portal/platform';
import type { Document } from '../read-store.port';
import { SqlReadStore } from './sql-read-store';

// transact's optimistic run (TransactOptions.optimistic), the live projector's small batches: no
// BEGIN, lock or COMMIT, its writes sent with the checkpoint only if no other runner committed
// under the lock since its reads, else run again under the lock. Both SQL stores, one connection.

const stores = sqlClientsUnderTest('optimistic-transact', 'rs_optimistic_');

/** The client, with the statements and transactions sent through it counted. */
function counted(sql: SqlClient): { client: SqlClient; sent: { statements: number; transactions: number } } {
  const sent = { statements: 0, transactions: 0 };
  const client: SqlClient = {
    kind: sql.kind,
    query: (text, params) => {
      sent.statements += 1;
      return sql.query(text, params);
    },
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) => {
      sent.transactions += 1;
      return sql.transaction(fn);
    },
    listen: (channel, onPayload) => sql.listen(channel, onPayload),
    close: () => Promise.resolve(),
  };
  return { client, sent };
}

describe.each(stores)('optimistic transact on %s', (_name, connect) => {
  jest.setTimeout(60_000);
  let sql: SqlClient;
  let cleanUp: () => Promise<void>;
  let counter = 0;
  const unique = (label: string): string => `${label}_${++counter}`;

  /** A store over `client`, a collection of its own, and a projection whose checkpoint is 0. */
  const opened = async (client: SqlClient = sql) => {
    const store = await SqlReadStore.open(client, { ownsClient: false });
    const c = unique('docs');
    const p = unique('projection');
    await store.ensureCollection(c);
    await store.transact(p, async () => 0);
    return { store, c, p };
  };

  beforeAll(async () => {
    ({ sql, cleanUp } = await connect());
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('reads and writes a small batch in two statements, without a transaction', async () => {
    const { client, sent } = counted(sql);
    const { store, c, p } = await opened(client);
    await store.write((tx) => tx.put(c, { id: 'a', n: 1 }));
    const woken: number[] = [];
    sent.statements = 0;
    sent.transactions = 0;
    await store.transact(
      p,
      async (tx, checkpoint) => {
        const [a] = await tx.getMany<Document & { n: number }>(c, ['a', 'b']);
        await tx.putMany(c, [
          { id: 'a', n: (a?.n ?? 0) + 1 },
          { id: 'b', n: 1 },
        ]);
        woken.push(checkpoint ?? -1);
        return 1;
      },
      [{ collection: c, ids: ['a', 'b'] }],
      { optimistic: true },
    );
    expect(sent).toEqual({ statements: 2, transactions: 0 });
    expect(woken).toEqual([0]);
    expect(await store.getCheckpoint(p)).toBe(1);
    expect(await store.getMany(c, ['a', 'b'])).toEqual(
      expect.arrayContaining([
        { id: 'a', n: 2 },
        { id: 'b', n: 1 },
      ]),
    );
    await store.close();
  });

  it('writes nothing when another runner moved the checkpoint meanwhile, and runs again under the lock', async () => {
    const { store, c, p } = await opened();
    const other = await SqlReadStore.open(sql, { ownsClient: false });
    const runs: Array<number | undefined> = [];
    await store.transact(
      p,
      async (tx, checkpoint) => {
        runs.push(checkpoint);
        if (runs.length === 1) {
          await tx.putMany(c, [{ id: 'x', by: 'optimistic run' }]);
          // Another runner commits under the lock between this run's reads and its end.
          await other.transact(p, async (otx) => {
            await otx.put(c, { id: 'y', by: 'other runner' });
            return 1;
          });
          return 1;
        }
        await tx.putMany(c, [{ id: 'z', by: 'run under the lock' }]);
        return (checkpoint ?? 0) + 1;
      },
      [{ collection: c, ids: ['x'] }],
      { optimistic: true },
    );
    expect(runs).toEqual([0, 1]);
    expect(await store.getCheckpoint(p)).toBe(2);
    expect(await store.get(c, 'x')).toBeNull();
    expect(await store.get(c, 'y')).toEqual({ id: 'y', by: 'other runner' });
    expect(await store.get(c, 'z')).toEqual({ id: 'z', by: 'run under the lock' });
    await other.close();
    await store.close();
  });

  it('writes nothing when another runner wrote without moving the checkpoint meanwhile', async () => {
    const { store, c, p } = await opened();
    const other = await SqlReadStore.open(sql, { ownsClient: false });
    await store.write((tx) => tx.put(c, { id: 'count', n: 0 }));
    let runs = 0;
    await store.transact(
      p,
      async (tx, checkpoint) => {
        runs += 1;
        const [count] = await tx.getMany<Document & { n: number }>(c, ['count']);
        if (runs === 1)
          await other.transact(p, async (otx) => {
            await otx.put(c, { id: 'count', n: 10 });
            return undefined;
          });
        await tx.putMany(c, [{ id: 'count', n: (count?.n ?? 0) + 1 }]);
        return (checkpoint ?? 0) + 1;
      },
      [{ collection: c, ids: ['count'] }],
      { optimistic: true },
    );
    // The first run read n = 0 before the other runner's write: it must not overwrite it with 1.
    expect(runs).toBe(2);
    expect(await store.get(c, 'count')).toEqual({ id: 'count', n: 11 });
    expect(await store.getCheckpoint(p)).toBe(1);
    await other.close();
    await store.close();
  });

  it('runs again under the lock when a write cannot wait for the checkpoint, and writes once', async () => {
    const { client, sent } = counted(sql);
    const { store, c, p } = await opened(client);
    sent.transactions = 0;
    let runs = 0;
    await store.transact(
      p,
      async (tx) => {
        runs += 1;
        await tx.putMany(c, [{ id: 'a', n: runs }]);
        // The same collection again: held writes would have to go out before the checkpoint.
        await tx.putMany(c, [{ id: 'b', n: runs }]);
        return 1;
      },
      [{ collection: c, ids: ['a'] }],
      { optimistic: true },
    );
    expect(runs).toBe(2);
    expect(sent.transactions).toBe(1);
    expect(await store.getMany(c, ['a', 'b'])).toEqual(
      expect.arrayContaining([
        { id: 'a', n: 2 },
        { id: 'b', n: 2 },
      ]),
    );
    expect(await store.getCheckpoint(p)).toBe(1);
    await store.close();
  });

  it('runs again under the lock after throwing, which then decides', async () => {
    const { store, c, p } = await opened();
    let runs = 0;
    const failing = store.transact(
      p,
      async (tx) => {
        runs += 1;
        await tx.putMany(c, [{ id: 'a' }]);
        throw new Error(`run ${runs} failed`);
      },
      [{ collection: c, ids: ['a'] }],
      { optimistic: true },
    );
    await expect(failing).rejects.toThrow('run 2 failed');
    expect(await store.get(c, 'a')).toBeNull();
    expect(await store.getCheckpoint(p)).toBe(0);
    await store.close();
  });

  it('only reads for a run that neither writes nor moves the checkpoint', async () => {
    const { client, sent } = counted(sql);
    const { store, p } = await opened(client);
    sent.statements = 0;
    sent.transactions = 0;
    await store.transact(p, async () => undefined, [], { optimistic: true });
    expect(sent).toEqual({ statements: 1, transactions: 0 });
    expect(await store.getCheckpoint(p)).toBe(0);
    await store.close();
  });
});
