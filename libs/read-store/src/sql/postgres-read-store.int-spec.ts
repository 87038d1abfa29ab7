import { randomBytes } from 'node:crypto';
import { dropSchema } from '@portal/platform';
import { readStoreContract } from '../read-store.contract';
import { readStoreCountsContract } from '../read-store-counts.contract';
import { readStoreOpaqueContract } from '../read-store-opaque.contract';
import { readStoreTypedContract } from '../read-store-typed.contract';
import { openPostgresReadStore } from './sql-read-store';

// A PostgreSQL server from PG_URL; every run works in a fresh schema that is dropped afterwards.
const url = process.env.PG_URL;

if (url) {
  const schema = `rs_test_${randomBytes(6).toString('hex')}`;
  readStoreContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));
  readStoreCountsContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));
  readStoreOpaqueContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));
  readStoreTypedContract('SQL on PostgreSQL', () => openPostgresReadStore(url, schema));

  afterAll(() => dropSchema(url, schema));
} else {
  console.warn('postgres read store tests skipped: PG_URL not set');
  describe.skip('postgres read store (skipped: PG_URL not set)', () => {
    it('needs PG_URL', () => undefined);
  });
}
