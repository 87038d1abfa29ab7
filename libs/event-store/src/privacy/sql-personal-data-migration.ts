import type { SqlClient } from '@portal/platform';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { PersonalDataEventStore } from './personal-data-event-store';

export interface PersonalDataMigrationProgress {
  scanned: number;
  rewritten: number;
  /** Position reached and the head the run goes to. */
  position: number;
  head: number;
}

export interface PersonalDataMigrationOptions {
  /** Events read and rewritten per transaction. Default 500. */
  batchSize?: number;
  onProgress?: (progress: PersonalDataMigrationProgress) => void;
  /**
   * Streams whose name holds personal data (e.g. a reservation named by an email): the new name,
   * given the stream's first event as the service reads it; null to keep the name.
   */
  renameStream?: (stream: string, first: RecordedEvent) => string | null;
  /** Which streams renameStream looks at: names starting with one of these. */
  renamePrefixes?: string[];
}

export interface PersonalDataMigrationReport {
  scanned: number;
  /** Events whose personal values were in clear and are now encrypted. */
  rewritten: number;
  /** Personal values encrypted. */
  valuesEncrypted: number;
  streamsRenamed: number;
  /** Streams left under their old name because the new one exists already. */
  renameConflicts: string[];
}

interface Row {
  position: string | number;
  stream: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * Rewrites, in place on the SQL event store, the personal values of events written before the
 * privacy layer existed: each batch is read, encrypted through the layer (the same map and keys as
 * appends), and updated in one transaction. Positions, ids, types and revisions stay; already
 * encrypted values are left alone, so a rerun (or a run after a crash) only does what is left.
 */
export async function migratePersonalData(
  client: SqlClient,
  layer: PersonalDataEventStore,
  options: PersonalDataMigrationOptions = {},
): Promise<PersonalDataMigrationReport> {
  const batchSize = options.batchSize ?? 500;
  const head = await layer.headPosition();
  const report: PersonalDataMigrationReport = {
    scanned: 0,
    rewritten: 0,
    valuesEncrypted: 0,
    streamsRenamed: 0,
    renameConflicts: [],
  };
  let after = -1;
  while (after < head) {
    const { rows } = await client.query<Row>(
      `SELECT position, stream, id, type, data, metadata FROM es_events
       WHERE position > $1::bigint AND position <= $2::bigint ORDER BY position LIMIT $3::bigint`,
      [after, head, batchSize],
    );
    if (rows.length === 0) break;
    // Encrypted before the transaction: the key store may share this client (PGlite), and a query
    // outside a running transaction would wait for it.
    const updates: { position: string | number; data: string; metadata: string }[] = [];
    for (const row of rows) {
      const [sealed] = await layer.protect(row.stream, [
        { id: row.id, type: row.type, data: row.data, metadata: row.metadata },
      ]);
      if (sealed.data !== row.data || sealed.metadata !== row.metadata) {
        updates.push({
          position: row.position,
          data: JSON.stringify(sealed.data),
          metadata: JSON.stringify(sealed.metadata),
        });
        report.valuesEncrypted += countChanged(row, sealed);
      }
    }
    if (updates.length > 0) {
      await client.transaction(async (tx) => {
        for (const u of updates) {
          await tx.query(
            'UPDATE es_events SET data = $2::jsonb, metadata = $3::jsonb WHERE position = $1::bigint',
            [u.position, u.data, u.metadata],
          );
        }
      });
    }
    report.scanned += rows.length;
    report.rewritten += updates.length;
    after = Number(rows[rows.length - 1].position);
    options.onProgress?.({ scanned: report.scanned, rewritten: report.rewritten, position: after, head });
  }
  if (options.renameStream) await renameStreams(client, layer, options, report);
  return report;
}

async function renameStreams(
  client: SqlClient,
  layer: PersonalDataEventStore,
  options: PersonalDataMigrationOptions,
  report: PersonalDataMigrationReport,
): Promise<void> {
  const { rows } = await client.query<{ stream: string }>(
    `SELECT stream FROM es_streams WHERE EXISTS (
       SELECT 1 FROM unnest($1::text[]) AS p(prefix) WHERE starts_with(stream, p.prefix)) ORDER BY stream`,
    [options.renamePrefixes ?? []],
  );
  for (const { stream } of rows) {
    const [first] = await layer.readStream(stream, { limit: 1 });
    const renamed = first ? options.renameStream!(stream, first) : null;
    if (!renamed || renamed === stream) continue;
    const moved = await client.transaction(async (tx) => {
      const taken = await tx.query('SELECT 1 FROM es_streams WHERE stream = $1', [renamed]);
      if (taken.rows.length > 0) return false;
      await tx.query('UPDATE es_streams SET stream = $2 WHERE stream = $1', [stream, renamed]);
      await tx.query('UPDATE es_events SET stream = $2 WHERE stream = $1', [stream, renamed]);
      return true;
    });
    if (moved) report.streamsRenamed += 1;
    else report.renameConflicts.push(renamed);
  }
}

function countChanged(before: Row, after: { data: unknown; metadata: unknown }): number {
  const count = (a: unknown, b: unknown): number => {
    if (typeof a === 'string') return a === b ? 0 : 1;
    if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return 0;
    return Object.keys(a).reduce(
      (sum, key) => sum + count((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      0,
    );
  };
  return count(before.data, after.data) + count(before.metadata, after.metadata);
}
