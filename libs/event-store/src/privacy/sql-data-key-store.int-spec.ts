import { randomUUID } from 'node:crypto';
import {
  dropSchema,
  PgliteSqlClient,
  PgSqlClient,
  sqlClientsUnderTest,
  type SqlClient,
} from '@portal/platform';
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

/** The client with every statement it sends counted (the store's only way to the database). */
function counting(client: SqlClient): SqlClient & { statements: number } {
  const counted = Object.create(client) as SqlClient & { statements: number };
  counted.statements = 0;
  counted.query = (text, params) => (counted.statements++, client.query(text, params));
  return counted;
}

describe.each(sqlClientsUnderTest('sql-data-key-store', 'keys_count_'))(
  'SqlDataKeyStore on %s',
  (_name, open) => {
    it('keys a new owner, or answers an existing or erased one, in one statement', async () => {
      const { sql, cleanUp } = await open();
      try {
        const client = counting(sql);
        const store = await SqlDataKeyStore.open(client, { ownsClient: false });
        const [fresh, erased] = [`portalUser:${randomUUID()}`, `portalUser:${randomUUID()}`];
        await store.erase([erased]);
        const before = client.statements;
        expect(await store.putIfAbsent(fresh, 'first')).toBe('first');
        expect(await store.putIfAbsent(fresh, 'second')).toBe('first');
        expect(await store.putIfAbsent(erased, 'late')).toBeNull();
        expect(client.statements - before).toBe(3);
      } finally {
        await cleanUp();
      }
    });
  },
);
