import { prepared, type SqlQueryable } from '@portal/platform';
import type { Document, DocumentsWanted } from '../read-store.port';
import { tableOf, type KnownTables, type LockedReads } from './sql-documents';

export const CHECKPOINTS = 'rs_checkpoints';

/** Ids read with the lock at most: with more, the transaction reads them itself. */
const MAX_IDS_WITH_LOCK = 5_000;

/** The checkpoint in a `position` column (bigint: pg hands it back as a string); none when null or no row. */
export function positionOf(rows: { position: number | string | null }[]): number | undefined {
  const position = rows[0]?.position;
  return position === undefined || position === null ? undefined : Number(position);
}

/**
 * Reads the projection's checkpoint and locks its row until commit. A missing row is inserted
 * first; ON CONFLICT DO NOTHING waits for a concurrent inserter, so both end up locking one row.
 */
export async function lockCheckpoint(q: SqlQueryable, projection: string): Promise<number | undefined> {
  const select = `SELECT position FROM ${CHECKPOINTS} WHERE projection = $1 FOR UPDATE`;
  let { rows } = await q.query<{ position: number | string | null }>(select, [projection]);
  if (rows.length === 0) {
    await q.query(`INSERT INTO ${CHECKPOINTS} (projection) VALUES ($1) ON CONFLICT (projection) DO NOTHING`, [
      projection,
    ]);
    ({ rows } = await q.query<{ position: number | string | null }>(select, [projection]));
  }
  return positionOf(rows);
}

/**
 * lockCheckpoint and a first read of documents in one statement (a live batch's two first round
 * trips, which a read-your-writes read waits for). The documents answered are exactly what a read
 * after the lock would find, or none are answered:
 *
 * In READ COMMITTED one statement reads with the snapshot taken at its start, while its lock may
 * wait for a transaction holding it and then lock the row as that one committed it. So the
 * statement also reads the row's version (xmin) in its snapshot: when the locked version is the
 * same, no transaction holding the lock committed between the snapshot and the lock, for every
 * transaction that writes under it writes a new version of the row (transact moves the
 * checkpoint, or touches the row when it wrote without moving it). Otherwise, or without a row
 * yet, the documents are left out (the transaction reads them itself) and the lock is as
 * lockCheckpoint takes it.
 */
export async function lockCheckpointAndRead(
  q: SqlQueryable,
  known: KnownTables,
  projection: string,
  wanted: readonly DocumentsWanted[],
): Promise<{ checkpoint: number | undefined; reads?: LockedReads }> {
  // Many (a replay's batch): read as the transaction reads them, not here and again there.
  if (idsIn(wanted) > MAX_IDS_WITH_LOCK) return { checkpoint: await lockCheckpoint(q, projection) };
  const params: unknown[] = [projection];
  const documents = await documentReads(q, known, wanted, params);
  const { rows } = await q.query<CheckpointRow>(
    `WITH locked AS (SELECT position, xmin::text AS version FROM ${CHECKPOINTS} WHERE projection = $1 FOR UPDATE)
     SELECT -1::int AS k, NULL::jsonb AS doc, (SELECT position FROM locked) AS position,
       (SELECT version FROM locked) AS locked,
       (SELECT xmin::text FROM ${CHECKPOINTS} WHERE projection = $1) AS seen
     ${documents.parts.map((part) => `UNION ALL ${part}`).join(' ')}`,
    params,
  );
  const head = rows.find((row) => row.k === -1);
  if (!head || head.locked === null) return { checkpoint: await lockCheckpoint(q, projection) };
  const checkpoint = positionOf([head]);
  if (head.locked !== head.seen) return { checkpoint };
  return { checkpoint, reads: documents.found(rows) };
}

/**
 * The checkpoint, the version of its row (xmin) and the documents wanted, as one snapshot sees
 * them, without a lock: an optimistic transact writes after it only if the row still has that
 * version (every transaction that writes under the lock writes a new one, as above), so nothing it
 * read has changed. Undefined without a row yet or for more ids than read with a lock.
 */
export async function readCheckpointAndDocuments(
  q: SqlQueryable,
  known: KnownTables,
  projection: string,
  wanted: readonly DocumentsWanted[],
): Promise<{ checkpoint: number | undefined; version: string; reads: LockedReads } | undefined> {
  if (idsIn(wanted) > MAX_IDS_WITH_LOCK) return undefined;
  const params: unknown[] = [projection];
  const documents = await documentReads(q, known, wanted, params);
  // Prepared: one text per set of collections read (ids are array parameters), the live
  // projector's every batch.
  const { rows } = await q.query<CheckpointRow>(
    prepared(`SELECT -1::int AS k, NULL::jsonb AS doc, position, NULL AS locked, xmin::text AS seen
       FROM ${CHECKPOINTS} WHERE projection = $1
     ${documents.parts.map((part) => `UNION ALL ${part}`).join(' ')}`),
    params,
  );
  const head = rows.find((row) => row.k === -1);
  if (!head?.seen) return undefined;
  return { checkpoint: positionOf([head]), version: head.seen, reads: documents.found(rows) };
}

interface CheckpointRow {
  k: number;
  doc: Document | null;
  position: number | string | null;
  locked: string | null;
  seen: string | null;
}

function idsIn(wanted: readonly DocumentsWanted[]): number {
  return wanted.reduce((sum, { ids }) => sum + ids.length, 0);
}

/** The UNION ALL parts reading `wanted` (their ids added to `params`), and how to take their rows. */
async function documentReads(
  q: SqlQueryable,
  known: KnownTables,
  wanted: readonly DocumentsWanted[],
  params: unknown[],
): Promise<{ parts: string[]; found: (rows: CheckpointRow[]) => LockedReads }> {
  const parts: string[] = [];
  const collections: string[] = [];
  const reads: LockedReads = new Map();
  for (const { collection, ids: wantedIds } of wanted) {
    if (reads.has(collection)) continue;
    reads.set(collection, { ids: new Set(wantedIds), found: [] });
    const table = tableOf(collection);
    // A collection not created yet has none of them (as the transaction's own read would find).
    if (wantedIds.length === 0 || !(await known.exists(q, table))) continue;
    params.push([...wantedIds]);
    parts.push(
      `SELECT ${collections.length}::int AS k, doc, NULL, NULL, NULL FROM ${known.source(table)} WHERE id = ANY($${params.length}::text[])`,
    );
    collections.push(collection);
  }
  const found = (rows: CheckpointRow[]): LockedReads => {
    for (const row of rows) if (row.k >= 0 && row.doc) reads.get(collections[row.k])!.found.push(row.doc);
    return reads;
  };
  return { parts, found };
}
