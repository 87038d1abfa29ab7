import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { UpcasterRegistry } from './upcasters';
import { openEmbeddedEventStore, openPostgresEventStore } from './sql/open-sql-event-store';
import type { SqlEventStoreOptions } from './sql/sql-event-store';

export interface OpenEventStoreOptions {
  /** DATA_DIR: the embedded store lives in `<dataDir>/pglite`; undefined keeps it in memory. */
  dataDir?: string;
  upcasters?: UpcasterRegistry;
  /** PostgreSQL schema (created if missing); tests use a random one. */
  schema?: string;
  sql?: SqlEventStoreOptions;
}

/** Where the embedded PGlite database of a DATA_DIR lives (shared by the event and read stores). */
export function embeddedDatabaseDir(dataDir: string | undefined): string | undefined {
  return dataDir === undefined ? undefined : join(dataDir, 'pglite');
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;
// What @eventstore/db-client 6 accepts; it refuses kurrentdb:// (the KurrentDB client's scheme for the same server).
const ESDB_URL = /^esdb(\+discover)?:\/\//;
const KURRENTDB_URL = /^kurrentdb(\+discover)?:\/\//;

/** The event store an EVENT_STORE setting names: 'embedded', a postgres:// or an esdb:// URL. */
export async function openEventStore(
  target: string,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  const upcasters = options.upcasters ?? new UpcasterRegistry();
  if (target === 'embedded') {
    return openEmbeddedEventStore(embeddedDatabaseDir(options.dataDir), upcasters, options.sql);
  }
  if (POSTGRES_URL.test(target))
    return openPostgresEventStore(target, upcasters, options.schema, options.sql);
  if (ESDB_URL.test(target)) {
    // Loaded only here, so deployments without EventStoreDB never load its gRPC client.
    const { EsdbEventStore } = await import('./esdb');
    return EsdbEventStore.connect(target, upcasters);
  }
  if (KURRENTDB_URL.test(target)) {
    throw new Error(
      'kurrentdb:// is not supported by the EventStoreDB client in use: write esdb:// (same server)',
    );
  }
  // The URL may hold a password: only its scheme goes into the message.
  throw new Error(`Unsupported event store: ${target.split(':')[0]}`);
}
