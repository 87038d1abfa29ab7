import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from './pglite-sql-client';

describe('PGlite memory settings', () => {
  jest.setTimeout(300_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pglite-memory-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('initialises a new data directory in a child and starts with the shared buffers asked for', async () => {
    const dataDir = join(dir, 'pglite');
    const client = await PgliteSqlClient.open(dataDir, { sharedBuffers: '16MB' });
    // Opened meanwhile: the same instance, whatever settings the second opener names.
    const again = await PgliteSqlClient.open(dataDir, { sharedBuffers: '64MB' });
    try {
      expect(again).toBe(client);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      const { rows } = await client.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows[0].shared_buffers).toBe('16MB');
      await client.query('CREATE TABLE kept (n int)');
    } finally {
      await again.close();
      await client.close();
    }
    const reopened = await PgliteSqlClient.open(dataDir);
    try {
      const { rows } = await reopened.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows[0].shared_buffers).toBe('32MB');
      expect((await reopened.query('SELECT * FROM kept')).rows).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a size Postgres would not read as one', async () => {
    await expect(PgliteSqlClient.open(join(dir, 'pglite'), { sharedBuffers: '16 MB' })).rejects.toThrow(
      /size such as 32MB/,
    );
  });

  it('samples ANALYZE by the statistics target: 30 by default, or the one asked for', async () => {
    const histogramBounds = async (client: PgliteSqlClient): Promise<number> => {
      await client.query('CREATE TABLE sampled AS SELECT n FROM generate_series(1, 20000) AS n');
      await client.query('ANALYZE sampled');
      const { rows } = await client.query<{ bounds: number }>(
        "SELECT array_length(histogram_bounds, 1) AS bounds FROM pg_stats WHERE tablename = 'sampled'",
      );
      return rows[0].bounds;
    };
    const byDefault = await PgliteSqlClient.open(join(dir, 'default'));
    try {
      // A histogram has one bound more than the target's buckets.
      expect(await histogramBounds(byDefault)).toBe(31);
    } finally {
      await byDefault.close();
    }
    const asked = await PgliteSqlClient.open(join(dir, 'asked'), {
      sharedBuffers: '32MB',
      statisticsTarget: 100,
    });
    try {
      expect(await histogramBounds(asked)).toBe(101);
    } finally {
      await asked.close();
    }
    await expect(
      PgliteSqlClient.open(join(dir, 'refused'), { sharedBuffers: '32MB', statisticsTarget: 0 }),
    ).rejects.toThrow(/statistics target/);
  });

  it('starts in-memory databases from the initdb template: each fresh, empty and its own', async () => {
    const [a, b] = await Promise.all([PgliteSqlClient.open(), PgliteSqlClient.open()]);
    try {
      await a.query('CREATE TABLE only_in_a (id int)');
      await a.query('INSERT INTO only_in_a VALUES (1)');
      expect((await a.query<{ n: number }>('SELECT count(*)::int AS n FROM only_in_a')).rows).toEqual([
        { n: 1 },
      ]);
      const inB = await b.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'",
      );
      expect(inB.rows).toEqual([{ n: 0 }]);
      // The memory settings still apply to a database started from the template.
      expect((await b.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0].shared_buffers).toBe(
        '32MB',
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
