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
});
