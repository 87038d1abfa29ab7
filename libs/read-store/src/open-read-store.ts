import { join } from 'node:path';
import type { ReadStore } from './read-store.port';
import { openEmbeddedReadStore, openPostgresReadStore } from './sql/sql-read-store';

export interface OpenReadStoreOptions {
  /**
   * DATA_DIR: the embedded store lives in `<dataDir>/pglite`, the same PGlite database (and, in one
   * process, the same instance) as the embedded event store; undefined keeps it in memory.
   */
  dataDir?: string;
  /**
   * PostgreSQL schema (created if missing), or MongoDB database; the URL's default otherwise.
   * Tests use a random one to stay apart.
   */
  schema?: string;
  /**
   * The SQL event store lives in the same database and schema (SqlReadStoreOptions.eventStreams):
   * only the opener, who knows both settings, can say so.
   */
  eventStreams?: boolean;
}

/** The read store a READ_STORE setting names: 'embedded', a postgres:// or a mongodb:// URL. */
export async function openReadStore(target: string, options: OpenReadStoreOptions = {}): Promise<ReadStore> {
  if (target === 'embedded') {
    // Same folder as the event store's embeddedDatabaseDir (not imported: the libs stay apart).
    return openEmbeddedReadStore(
      options.dataDir === undefined ? undefined : join(options.dataDir, 'pglite'),
      {
        eventStreams: options.eventStreams,
      },
    );
  }
  if (/^postgres(ql)?:\/\//.test(target))
    return openPostgresReadStore(target, options.schema, { eventStreams: options.eventStreams });
  if (/^mongodb(\+srv)?:\/\//.test(target)) {
    // Loaded only here, so deployments without MongoDB never load its driver.
    const { openMongoReadStore } = await import('./mongo/mongo-read-store');
    return openMongoReadStore(target, options.schema);
  }
  // The URL may hold a password: only its scheme goes into the message.
  throw new Error(`Unsupported read store: ${target.split(':')[0]}`);
}
