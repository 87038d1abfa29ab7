import { PgliteSqlClient } from './pglite-sql-client';

// PGlite's listen: one LISTEN per channel, its notifications handed to every handler of this
// process until that handler's unlisten.

describe('PgliteSqlClient.listen', () => {
  let client: PgliteSqlClient;

  beforeAll(async () => {
    client = await PgliteSqlClient.open();
  });

  afterAll(async () => {
    await client.close();
  });

  const notify = async (channel: string, payload: string): Promise<void> => {
    await client.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
    // Delivered in microtasks after the statement's result: a macrotask later they are all in.
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('hands each notification to every handler of its channel until it unlistens', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const elsewhere: string[] = [];
    const unlistenFirst = await client.listen('ch_a', (payload) => first.push(payload));
    const unlistenSecond = await client.listen('ch_a', (payload) => second.push(payload));
    const unlistenElsewhere = await client.listen('ch_b', (payload) => elsewhere.push(payload));
    await notify('ch_a', 'one');
    await unlistenFirst();
    await notify('ch_a', 'two');
    await unlistenSecond();
    await notify('ch_a', 'three');
    expect(first).toEqual(['one']);
    expect(second).toEqual(['one', 'two']);
    expect(elsewhere).toEqual([]);
    await unlistenElsewhere();
  });

  it('hears again on a channel whose every handler has gone', async () => {
    const before: string[] = [];
    const unlisten = await client.listen('ch_c', (payload) => before.push(payload));
    await unlisten();
    const after: string[] = [];
    const unlistenAfter = await client.listen('ch_c', (payload) => after.push(payload));
    await notify('ch_c', 'again');
    expect(before).toEqual([]);
    expect(after).toEqual(['again']);
    await unlistenAfter();
  });
});
