import { prepared, type SqlQueryable } from '@portal/platform';
import { eventPayload } from './event-payload';
import type { AppendResult, NewEvent } from '../event-store.port';

/**
 * The common append in ONE round trip instead of four (BEGIN, lock the stream row, insert, COMMIT):
 * a single statement, run outside any explicit transaction, so it is its own transaction. It only
 * handles an append whose expectation is exact (a revision, or 'no-stream') and answers undefined
 * when that expectation does not hold, having written nothing; the caller then takes the full
 * transactional path (appendInTransaction), which tells a conflict from an idempotent retry.
 *
 * Same guarantees as appendInTransaction, for the same reasons:
 * - the stream row is written first (UPDATE … WHERE revision = expected, or INSERT … ON CONFLICT DO
 *   NOTHING): a concurrent writer of the stream waits for its lock, then finds the revision moved
 *   (READ COMMITTED re-checks the WHERE on the new row version) or the row there, and writes nothing;
 * - es_head is updated only once the stream row is (its WHERE reads the stream CTE), and that row
 *   lock is held until this statement's transaction commits, so commits still happen in position
 *   order: a reader that sees position P sees every position below P (no gaps to skip);
 * - NOTIFY is delivered at commit; a unique violation (event ids already stored) aborts the whole
 *   statement, which the caller retries on the full path with the ids checked.
 */
export async function appendInOneStatement(
  client: SqlQueryable,
  stream: string,
  ids: string[],
  events: NewEvent[],
  expected: number | 'no-stream',
  channel: string,
): Promise<AppendResult | undefined> {
  const first = expected === 'no-stream' ? 0 : expected + 1;
  const last = first + events.length - 1;
  const streamWrite =
    expected === 'no-stream'
      ? `INSERT INTO es_streams (stream, revision) VALUES ($1, $5::int)
         ON CONFLICT (stream) DO NOTHING RETURNING revision`
      : `UPDATE es_streams SET revision = $5::int WHERE stream = $1 AND revision = $7::int RETURNING revision`;
  const payload = events.map((e, i) => eventPayload(e, ids[i]!));
  const params: unknown[] = [stream, events.length, first, JSON.stringify(payload), last, channel];
  if (expected !== 'no-stream') params.push(expected);
  const { rows } = await client.query<{ position: string | number | null }>(
    prepared(`WITH stream_row AS (${streamWrite}),
     head AS (
       UPDATE es_head SET position = position + $2::bigint
       WHERE id = 1 AND EXISTS (SELECT 1 FROM stream_row)
       RETURNING position - $2::bigint AS before
     ), written AS (
       INSERT INTO es_events (position, stream, revision, id, type, version, data, metadata)
       SELECT head.before + e.ord, $1, $3::int + e.ord::int - 1, (e.value->>'id')::uuid, e.value->>'type',
              (e.value->>'version')::int, e.value->'data', e.value->'metadata'
       FROM head, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(value, ord)
       RETURNING position
     )
     SELECT max(position) AS position, pg_notify($6, max(position)::text) FROM written`),
    params,
  );
  const position = rows[0]?.position;
  if (position === null || position === undefined) return undefined;
  return { nextExpectedRevision: last, position: Number(position) };
}
