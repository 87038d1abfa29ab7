import { openMongoReadStore } from './mongo/mongo-read-store';
import type { ReadStore } from './read-store.port';
import { openEmbeddedReadStore, openPostgresReadStore } from './sql/sql-read-store';

export interface OpenReadStoreOptions {
  /** Where the embedded (PGlite) store keeps its files; undefined keeps it in memory. */
  dataDir?: string;
  /** PostgreSQL schema (created if missing); the URL's database default schema otherwise. */
  schema?: string;
}

/** The read store a READ_STORE setting names: 'embedded', a postgres:// or a mongodb:// URL. */
export function openReadStore(target: string, options: OpenReadStoreOptions = {}): Promise<ReadStore> {
  if (target === 'embedded') return openEmbeddedReadStore(options.dataDir);
  if (/^postgres(ql)?:\/\//.test(target)) return openPostgresReadStore(target, options.schema);
  if (/^mongodb(\+srv)?:\/\//.test(target)) return openMongoReadStore(target);
  // The URL may hold a password: only its scheme goes into the message.
  throw new Error(`Unsupported read store: ${target.split(':')[0]}`);
}
