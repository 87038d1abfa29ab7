import { SqlClient } from '@portal/platform';

/**
 * Tables of the SQL event store, created in the client's search_path. Prefixed `es_` because the
 * embedded mode shares one database (and schema) with the read store.
 *
 * es_head holds one row: the newest global position. Appends lock it to take their positions and
 * keep the lock until commit, so commit order equals position order (see SqlEventStore).
 * es_identity holds the store's identity (EventStore.identity), drawn by the first migration.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS es_head (
     id smallint PRIMARY KEY CHECK (id = 1),
     position bigint NOT NULL
   )`,
  `INSERT INTO es_head (id, position) VALUES (1, -1) ON CONFLICT (id) DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS es_streams (
     stream text PRIMARY KEY,
     revision integer NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS es_events (
     position bigint PRIMARY KEY,
     stream text NOT NULL,
     revision integer NOT NULL,
     id uuid NOT NULL UNIQUE,
     type text NOT NULL,
     version integer NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (stream, revision)
   )`,
  `CREATE INDEX IF NOT EXISTS es_events_type_position ON es_events (type, position)`,
  `CREATE TABLE IF NOT EXISTS es_identity (
     id smallint PRIMARY KEY CHECK (id = 1),
     identity uuid NOT NULL
   )`,
  `INSERT INTO es_identity (id, identity) VALUES (1, gen_random_uuid()) ON CONFLICT (id) DO NOTHING`,
];

/** Arbitrary constant: serialises concurrent migrations of processes starting together. */
const MIGRATION_LOCK = 7_318_245_001;

/** Creates the tables if missing; safe to run from several processes at once. */
export async function migrateEventStoreSchema(client: SqlClient): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of statements) await tx.query(statement);
  });
}

/** NOTIFY channel of the store in the current schema, so stores in other schemas are not woken. */
export async function notifyChannelOf(client: SqlClient): Promise<string> {
  const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  // Lower-case word characters only: the same name then works quoted (pg) and unquoted (PGlite).
  const schema = (rows[0]?.schema ?? 'public').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return `es_events_${schema}`.slice(0, 63);
}
