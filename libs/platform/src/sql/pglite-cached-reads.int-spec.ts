import type { PGlite } from '@electric-sql/pglite';
import { cachedRead, readOnly } from './statement-marks';
import { PgliteSqlClient } from './pglite-sql-client';

const READ = cachedRead('SELECT doc FROM kept WHERE id = $1');

/** PGlite's own query, watched: how many statements reached the database. */
function statementsOf(client: PgliteSqlClient): jest.SpyInstance {
  return jest.spyOn((client as unknown as { db: PGlite }).db, 'query');
}

describe('PGlite client: cached reads', () => {
  let client: PgliteSqlClient;
  let sent: jest.SpyInstance;

  beforeEach(async () => {
    client = await PgliteSqlClient.open();
    await client.query('CREATE TABLE kept (id text PRIMARY KEY, doc jsonb NOT NULL)');
    await client.query(`INSERT INTO kept VALUES ('a', '{"n": 1}'), ('b', '{"n": 2}')`);
    sent = statementsOf(client);
  });

  afterEach(async () => {
    sent.mockRestore();
    await client.close();
  });

  const docOf = async (id: string): Promise<unknown> => (await client.query(READ, [id])).rows[0];

  it('answers a marked read again without a statement, the same rows, frozen', async () => {
    const first = await client.query<{ doc: { n: number } }>(READ, ['a']);
    const again = await client.query<{ doc: { n: number } }>(READ, ['a']);
    expect(again.rows).toEqual([{ doc: { n: 1 } }]);
    expect(again).toBe(first);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(() => {
      again.rows[0].doc.n = 5;
    }).toThrow(TypeError);
    // Other parameters: another read.
    expect(await docOf('b')).toEqual({ doc: { n: 2 } });
    expect(sent).toHaveBeenCalledTimes(2);
  });

  it('reads from the database again after any other statement, a read or a write', async () => {
    await docOf('a');
    await client.query(`UPDATE kept SET doc = '{"n": 10}' WHERE id = 'a'`);
    expect(await docOf('a')).toEqual({ doc: { n: 10 } });
    await client.query('SELECT 1');
    expect(await docOf('a')).toEqual({ doc: { n: 10 } });
    expect(sent).toHaveBeenCalledTimes(5);
  });

  it("sends every marked read to the database while keeping is switched off (the bench's uncached figure)", async () => {
    await docOf('a');
    client.keepReads(false);
    expect(await docOf('a')).toEqual({ doc: { n: 1 } });
    expect(await docOf('a')).toEqual({ doc: { n: 1 } });
    expect(sent).toHaveBeenCalledTimes(3);
    client.keepReads(true);
    await docOf('a');
    await docOf('a');
    expect(sent).toHaveBeenCalledTimes(4);
  });

  it('keeps what it kept across a statement marked read-only, whose own result it does not keep', async () => {
    await docOf('a');
    const other = readOnly('SELECT doc FROM kept WHERE id = $1');
    expect((await client.query(other, ['b'])).rows).toEqual([{ doc: { n: 2 } }]);
    expect((await client.query(other, ['b'])).rows).toEqual([{ doc: { n: 2 } }]);
    expect(await docOf('a')).toEqual({ doc: { n: 1 } });
    expect(sent).toHaveBeenCalledTimes(3);
  });

  it('reads from the database again after a transaction, and keeps nothing read inside one', async () => {
    await docOf('a');
    await client.transaction(async (tx) => {
      await tx.query(`UPDATE kept SET doc = '{"n": 20}' WHERE id = 'a'`);
      expect((await tx.query(READ, ['a'])).rows).toEqual([{ doc: { n: 20 } }]);
      await tx.query(`UPDATE kept SET doc = '{"n": 21}' WHERE id = 'a'`);
      expect((await tx.query(READ, ['a'])).rows).toEqual([{ doc: { n: 21 } }]);
    });
    expect(await docOf('a')).toEqual({ doc: { n: 21 } });
    // A transaction that rolls back ends what was kept as well.
    await expect(
      client.transaction(async (tx) => {
        await tx.query(`UPDATE kept SET doc = '{"n": 30}' WHERE id = 'a'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const callsBefore = sent.mock.calls.length;
    expect(await docOf('a')).toEqual({ doc: { n: 21 } });
    expect(sent.mock.calls.length).toBe(callsBefore + 1);
  });

  it('keeps no read that ran while a write did, nor answers one called while a write is under way', async () => {
    // The read is called first, the write right after: the read's result may predate the write.
    const racing = docOf('a');
    const write = client.query(`UPDATE kept SET doc = '{"n": 40}' WHERE id = 'a'`);
    expect(await racing).toEqual({ doc: { n: 1 } });
    await write;
    expect(await docOf('a')).toEqual({ doc: { n: 40 } });
    // Kept, then a write is called and not yet done: a read called meanwhile waits for it.
    await docOf('a');
    const pending = client.transaction(async (tx) => {
      await tx.query(`UPDATE kept SET doc = '{"n": 41}' WHERE id = 'a'`);
    });
    expect(await docOf('a')).toEqual({ doc: { n: 41 } });
    await pending;
  });
});
