import {
  DataKeyRing,
  embeddedDatabaseDir,
  masterKeyFrom,
  PersonalDataEventStore,
  SqlDataKeyStore,
  type EventStore,
} from '@portal/event-store';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { domainPersonalDataPolicy } from './personal-data-policy';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export interface PersonalDataTarget {
  eventStore: string;
  readStore: string;
  dataDir: string;
  dataKey: string;
  schema?: string;
  /** The in-memory PGlite both stores share (tests); the key store shares it too. */
  sharedClient?: SqlClient;
}

/**
 * Wraps the event store in the crypto-shredding layer, with the data keys in the SQL database of
 * the event store (or, beside EventStoreDB, of the read store). Undefined when neither is SQL
 * (EventStoreDB with MongoDB): that deployment keeps personal values in clear, as before.
 */
export async function withPersonalDataProtection(
  eventStore: EventStore,
  target: PersonalDataTarget,
): Promise<PersonalDataEventStore | undefined> {
  const client = await keyStoreClient(target);
  if (!client) return undefined;
  const keyStore = await SqlDataKeyStore.open(client.client, { ownsClient: client.owns });
  const ring = new DataKeyRing(keyStore, masterKeyFrom(target.dataKey));
  return new PersonalDataEventStore(eventStore, ring, domainPersonalDataPolicy, () => keyStore.close(), {
    keysInStoredDatabase: client.inEventStoreDatabase,
  });
}

async function keyStoreClient(
  target: PersonalDataTarget,
): Promise<{ client: SqlClient; owns: boolean; inEventStoreDatabase: boolean } | null> {
  // The shared in-memory PGlite holds the event store too.
  if (target.sharedClient) return { client: target.sharedClient, owns: false, inEventStoreDatabase: true };
  const sql = [target.eventStore, target.readStore].find((t) => t === 'embedded' || POSTGRES_URL.test(t));
  if (!sql) return null;
  // The keys go to the event store's database when it is SQL (the same URL and schema as its own).
  const inEventStoreDatabase = sql === target.eventStore;
  if (sql === 'embedded') {
    // The same PGlite instance as the stores (PgliteSqlClient counts its users).
    return {
      client: await PgliteSqlClient.open(embeddedDatabaseDir(target.dataDir)),
      owns: true,
      inEventStoreDatabase,
    };
  }
  return {
    client: await PgSqlClient.connect({ connectionString: sql, schema: target.schema, max: 4 }),
    owns: true,
    inEventStoreDatabase,
  };
}
