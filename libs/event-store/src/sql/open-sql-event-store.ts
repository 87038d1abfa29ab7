import { PgSqlClient, PgliteSqlClient } from '@portal/platform';
import { UpcasterRegistry } from '../upcasters';
import { SqlEventStore, SqlEventStoreOptions } from './sql-event-store';

/** The event store in PGlite in this process: dataDir on disk, or undefined for memory. */
export async function openEmbeddedEventStore(
  dataDir: string | undefined,
  upcasters: UpcasterRegistry = new UpcasterRegistry(),
  options?: SqlEventStoreOptions,
): Promise<SqlEventStore> {
  const client = await PgliteSqlClient.open(dataDir);
  return SqlEventStore.open(client, upcasters, options).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
}

/** The event store on a PostgreSQL server; `schema` (created if missing) keeps it apart. */
export async function openPostgresEventStore(
  url: string,
  upcasters: UpcasterRegistry = new UpcasterRegistry(),
  schema?: string,
  options?: SqlEventStoreOptions,
): Promise<SqlEventStore> {
  const client = await PgSqlClient.connect({ connectionString: url, schema });
  return SqlEventStore.open(client, upcasters, options).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
}
