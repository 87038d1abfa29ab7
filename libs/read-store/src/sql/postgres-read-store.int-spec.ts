import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readStoreContract } from '../read-store.contract';
import { readStoreCountsContract } from '../read-store-counts.contract';
import { openPostgresReadStore } from './sql-read-store';

// A PostgreSQL server from PG_URL; every run works in a fresh schema that is dropped afterwards.
const url = process.env.PG_URL;

if (url) {
  const schema = `rs_test_${randomBytes(6).toString('hex')}`;
  readStoreContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));
  readStoreCountsContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));

  afterAll(async () => {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await admin.end();
    }
  });
} else {
  console.warn('postgres read store tests skipped: PG_URL not set');
  describe.skip('postgres read store (skipped: PG_URL not set)', () => {
    it('needs PG_URL', () => undefined);
  });
}
