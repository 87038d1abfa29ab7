import { randomBytes } from 'node:crypto';
import { PgliteSqlClient } from './pglite-sql-client';
import { PgSqlClient } from './pg-sql-client';
import { quoteIdent, type SqlClient } from './sql-client';

/** A SQL client of one connection, and what removes what it made. */
export interface SqlClientUnderTest {
  sql: SqlClient;
  cleanUp: () => Promise<void>;
}

/**
 * The SQL stores a spec runs against, by name: PGlite always, PostgreSQL when PG_URL is set (in a
 * throwaway schema named from `schemaPrefix`, dropped on the same connection by cleanUp). One
 * connection each, so a spec can read the server's per-connection state (change counters, plans)
 * on the connection that wrote. Without PG_URL the PostgreSQL half is skipped, and `spec` names
 * the spec in the warning that says so.
 */
export function sqlClientsUnderTest(
  spec: string,
  schemaPrefix: string,
): [string, () => Promise<SqlClientUnderTest>][] {
  const stores: [string, () => Promise<SqlClientUnderTest>][] = [
    [
      'PGlite',
      async () => {
        const sql = await PgliteSqlClient.open();
        return { sql, cleanUp: () => sql.close() };
      },
    ],
  ];
  const pgUrl = process.env.PG_URL;
  if (!pgUrl) {
    console.warn(`${spec}: the PostgreSQL half is skipped, PG_URL not set (PGlite runs)`);
    return stores;
  }
  stores.push([
    'PostgreSQL',
    async () => {
      const schema = `${schemaPrefix}${randomBytes(6).toString('hex')}`;
      const sql = await PgSqlClient.connect({ connectionString: pgUrl, schema, max: 1 });
      return {
        sql,
        cleanUp: async () => {
          await sql.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
          await sql.close();
        },
      };
    },
  ]);
  return stores;
}
