import type { PGlite } from '@electric-sql/pglite';
import { prepared } from './prepared-statements';
import { PgliteSqlClient } from './pglite-sql-client';
import { cachedRead } from './statement-marks';

const INSERT = prepared(
  `INSERT INTO items (id, n, at, doc) VALUES ($1, $2, $3, $4) RETURNING id, n, big, at, doc, tags`,
);
const READ = prepared('SELECT * FROM items WHERE id = $1');

/** The named statements PGlite's session holds. */
async function namedStatements(client: PgliteSqlClient): Promise<string[]> {
  const db = (client as unknown as { db: PGlite }).db;
  const { rows } = await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
  return rows.map((row) => row.name);
}

describe('PGlite client: named statements for texts marked prepared()', () => {
  let client: PgliteSqlClient;

  beforeEach(async () => {
    client = await PgliteSqlClient.open();
    await client.query(
      `CREATE TABLE items (id text PRIMARY KEY, n int NOT NULL, big bigint DEFAULT 9007199254740993,
         at timestamptz, doc jsonb, tags text[] DEFAULT '{a,b}')`,
    );
  });

  afterEach(() => client.close());

  it('parses a marked text once and answers as an unnamed statement does (types, counts)', async () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const inserted = await client.query<Record<string, unknown>>(INSERT, ['a', 1, at, { k: [1, 'x'] }]);
    await client.query(INSERT, ['b', 2, null, null]);
    const plain = await client.query<Record<string, unknown>>(INSERT.replace('INSERT', 'INSERT '), [
      'c',
      3,
      at,
      { k: [1, 'x'] },
    ]);
    expect(inserted.rows).toEqual([{ ...plain.rows[0], id: 'a', n: 1 }]);
    expect(inserted.rows[0]).toEqual({
      id: 'a',
      n: 1,
      big: 9007199254740993n,
      at,
      doc: { k: [1, 'x'] },
      tags: ['a', 'b'],
    });
    expect(inserted.rowCount).toBe(1);
    expect((await client.query(prepared('UPDATE items SET n = n + 1'), [])).rowCount).toBe(3);
    expect((await client.query(READ, ['b'])).rows).toEqual([
      expect.objectContaining({ id: 'b', n: 3, at: null }),
    ]);
    expect((await client.query(READ, ['none'])).rows).toEqual([]);
    // One named statement per marked text, the unmarked one none.
    expect(await namedStatements(client)).toHaveLength(3);
  });

  it('reports the server error with its code, and the statement works again after', async () => {
    await client.query(INSERT, ['a', 1, null, null]);
    await expect(client.query(INSERT, ['a', 2, null, null])).rejects.toMatchObject({ code: '23505' });
    await expect(client.query(INSERT, ['b', null, null, null])).rejects.toMatchObject({ code: '23502' });
    expect((await client.query(INSERT, ['b', 2, null, null])).rows).toEqual([
      expect.objectContaining({ id: 'b', n: 2 }),
    ]);
    expect((await client.query(READ, ['a'])).rows).toEqual([expect.objectContaining({ n: 1 })]);
  });

  it('runs again as kept after the table changes shape (the failed one is parsed anew)', async () => {
    await client.query(INSERT, ['a', 1, null, null]);
    expect(Object.keys((await client.query(READ, ['a'])).rows[0] as object)).toHaveLength(6);
    await client.query('ALTER TABLE items ADD COLUMN extra text');
    const read = () => client.query<Record<string, unknown>>(READ, ['a']);
    // The server refuses a kept SELECT * whose result changed; the next call parses it again.
    const first = await read().catch(() => undefined);
    const rows = (first ?? (await read())).rows;
    expect(rows).toEqual([expect.objectContaining({ id: 'a', extra: null })]);
  });

  it('waits for a transaction under way instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = client.transaction(async (tx) => {
      await tx.query(`INSERT INTO items (id, n) VALUES ('in-tx', 1)`);
      await held;
      throw new Error('rolled back');
    });
    const read = client.query(prepared('SELECT count(*)::int AS n FROM items'), []);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect((await read).rows).toEqual([{ n: 0 }]);
  });

  it('keeps a marked cached read as before, and delivers notifications of a marked statement', async () => {
    const heard: string[] = [];
    await client.listen('ch', (payload) => heard.push(payload));
    const kept = prepared(cachedRead('SELECT n FROM items WHERE id = $1'));
    await client.query(INSERT, ['a', 1, null, null]);
    const first = await client.query(kept, ['a']);
    expect(await client.query(kept, ['a'])).toBe(first);
    await client.query(prepared(`SELECT pg_notify('ch', $1)`), ['hello']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toEqual(['hello']);
  });

  it('sends every text unnamed when switched off (measurements)', async () => {
    PgliteSqlClient.namedStatements = false;
    try {
      await client.query(READ, ['a']);
      expect(await namedStatements(client)).toEqual([]);
    } finally {
      PgliteSqlClient.namedStatements = true;
    }
  });
});
