import { eventPayload, insertEventsCtes } from './event-payload';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { EventIdConflict } from '../event-id-conflict.error';
import type { SqlQueryable } from '@portal/platform';

interface StoredIdRow {
  id: string;
  stream: string;
  revision: number;
  position: string | number;
}

export interface AppendInTransactionOptions {
  /** NOTIFY channel woken on commit. */
  channel: string;
  /** Look the ids up even when `expected` matches (a retry after a unique violation does). */
  checkIds?: boolean;
}

/**
 * Appends inside the caller's transaction. Positions: the single es_head row is updated (locked)
 * as the last step before inserting and stays locked until commit, so appends commit one after
 * the other in position order. A reader that sees position P therefore sees every position below
 * P: no gaps, no skipped events for a subscriber moving its checkpoint (a plain sequence would let
 * P+1 commit before P). This is Commanded's choice; it costs serial commits, which this service's
 * write rate affords, and works unchanged on PGlite (a single connection, serial anyway).
 * Per stream, the es_streams row is locked first (FOR UPDATE) to check the expected revision.
 * A missing stream has no row to lock: two creators race to insert it and the loser gets a unique
 * violation, which the caller turns into a retry (see SqlEventStore.append).
 */
export async function appendInTransaction(
  tx: SqlQueryable,
  stream: string,
  events: NewEvent[],
  expected: ExpectedRevision,
  options: AppendInTransactionOptions,
): Promise<AppendResult> {
  if (events.length === 0) return currentState(tx, stream, expected);
  const ids = events.map((e) => e.id.toLowerCase());
  if (new Set(ids).size !== ids.length) throw new EventIdConflict(stream, 'the same id twice in one append');

  const locked = await tx.query<{ revision: number }>(
    'SELECT revision FROM es_streams WHERE stream = $1 FOR UPDATE',
    [stream],
  );
  const current = locked.rows[0]?.revision;
  const matches = expectedMatches(expected, current);

  if (options.checkIds || !matches || expected === 'any' || expected === 'stream-exists') {
    const stored = await tx.query<StoredIdRow>(
      'SELECT id, stream, revision, position FROM es_events WHERE id = ANY($1::uuid[])',
      [ids],
    );
    if (stored.rows.length > 0) return earlierAppend(stream, ids, stored.rows, expected, current);
  }
  if (!matches) throw new WrongExpectedRevision(stream, expected, current ?? 'no-stream');

  const first = (current ?? -1) + 1;
  const last = first + events.length - 1;
  const streamWrite =
    current === undefined
      ? 'INSERT INTO es_streams (stream, revision) VALUES ($1, $5)'
      : 'UPDATE es_streams SET revision = $5 WHERE stream = $1';
  const payload = events.map((e, i) => eventPayload(e, ids[i]!));
  const { rows } = await tx.query<{ position: string | number }>(
    `WITH ${insertEventsCtes('$2', '$4', '$1', '$3::int + e.ord::int - 1')}, stream_row AS (${streamWrite})
     SELECT max(position) AS position, pg_notify($6, max(position)::text) FROM written`,
    [stream, events.length, first, JSON.stringify(payload), last, options.channel],
  );
  return { nextExpectedRevision: last, position: Number(rows[0]?.position) };
}

function expectedMatches(expected: ExpectedRevision, current: number | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return current === undefined;
  if (expected === 'stream-exists') return current !== undefined;
  return (current ?? -1) === expected;
}

/** Ids already stored: either an exact retry of an earlier append (same result, nothing written) or an error. */
function earlierAppend(
  stream: string,
  ids: string[],
  rows: StoredIdRow[],
  expected: ExpectedRevision,
  current: number | undefined,
): AppendResult {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const elsewhere = rows.find((r) => r.stream !== stream);
  if (elsewhere) {
    throw new EventIdConflict(stream, `${elsewhere.id} is in stream ${elsewhere.stream}`);
  }
  if (rows.length !== ids.length) {
    throw new EventIdConflict(
      stream,
      `${rows.length} of ${ids.length} ids are already stored, the others are new`,
    );
  }
  const ordered = ids.map((id) => byId.get(id) as StoredIdRow);
  const start = ordered[0].revision;
  if (ordered.some((r, i) => r.revision !== start + i)) {
    throw new EventIdConflict(stream, 'the ids are stored, but not consecutively in this order');
  }
  const expectedStart = expected === 'no-stream' ? 0 : typeof expected === 'number' ? expected + 1 : start;
  if (start !== expectedStart) throw new WrongExpectedRevision(stream, expected, current ?? 'no-stream');
  const lastRow = ordered[ordered.length - 1];
  return { nextExpectedRevision: lastRow.revision, position: Number(lastRow.position) };
}

/** An empty append checks `expected` and reports the stream as it is (-1 / -1 when missing). */
async function currentState(
  tx: SqlQueryable,
  stream: string,
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const { rows } = await tx.query<{ revision: number; position: string | number }>(
    `SELECT s.revision, e.position FROM es_streams s
     JOIN es_events e ON e.stream = s.stream AND e.revision = s.revision
     WHERE s.stream = $1`,
    [stream],
  );
  const current = rows[0]?.revision;
  if (!expectedMatches(expected, current))
    throw new WrongExpectedRevision(stream, expected, current ?? 'no-stream');
  return { nextExpectedRevision: current ?? -1, position: rows[0] ? Number(rows[0].position) : -1 };
}
