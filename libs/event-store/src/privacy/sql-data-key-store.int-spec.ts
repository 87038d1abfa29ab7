import { randomUUID } from 'node:crypto';
import { dropSchema, PgliteSqlClient, PgSqlClient } from '@portal/platform';
import { dataKeyStoreContract } from './data-key-store.contract';
import { SqlDataKeyStore } from './sql-data-key-store';

jest.setTimeout(60_000);

dataKeyStoreContract('SQL on PGlite (embedded)', async () =>
  SqlDataKeyStore.open(await PgliteSqlClient.open()),
);

const url = process.env.PG_URL;
if (!url) {
  console.warn('postgres data key store contract skipped: set PG_URL');
  describe.skip('data key store contract: SQL on PostgreSQL (skipped: PG_URL not set)', () => {
    it('runs the contract', () => undefined);
  });
} else {
  const pgUrl = url;
  const schema = `keys_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  afterAll(() => dropSchema(pgUrl, schema));
  dataKeyStoreContract('SQL on PostgreSQL', async () =>
    SqlDataKeyStore.open(await PgSqlClient.connect({ connectionString: pgUrl, schema })),
  );
}
