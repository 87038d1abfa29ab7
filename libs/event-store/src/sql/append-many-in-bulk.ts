import type { SqlQueryable } from '@portal/platform';
import type { AppendResult, StreamAppend } from '../event-store.port';
import { eventPayload, insertEventsCtes } from './event-payload';

/**
 * An appendMany whose streams are distinct and all expect 'any' (outcomes of a batch of emails) in
 * three statements inside the caller's transaction, whatever the batch's size, instead of three
 * per stream: lock the streams that exist (name order, like the stream-by-stream path), look the ids
 * up, then one write of every event, the stream rows and es_head. Answers undefined, having written
 * nothing, when it cannot: a batch of another shape, or ids stored before (the stream-by-stream path
 * tells an idempotent retry from a conflict). Same guarantees as appendInTransaction: es_head is
 * updated (locked until commit) in the write itself, so commits happen in position order; two
 * creators of one new stream collide on (stream, revision) and the caller reruns the batch.
 */
export async function appendManyInBulk(
  tx: SqlQueryable,
  appends: readonly StreamAppend[],
  channel: string,
): Promise<AppendResult[] | undefined> {
  const streams = appends.map((a) => a.stream);
  const ids = appends.flatMap((a) => a.events.map((e) => e.id.toLowerCase()));
  if (
    appends.some((a) => a.expected !== 'any' || a.events.length === 0) ||
    new Set(streams).size !== streams.length ||
    new Set(ids).size !== ids.length
  )
    return undefined;

  const locked = await tx.query<{ stream: string; revision: number }>(
    'SELECT stream, revision FROM es_streams WHERE stream = ANY($1::text[]) ORDER BY stream FOR UPDATE',
    [streams],
  );
  const stored = await tx.query<{ id: string }>('SELECT id FROM es_events WHERE id = ANY($1::uuid[])', [ids]);
  if (stored.rows.length > 0) return undefined;

  const current = new Map(locked.rows.map((row) => [row.stream, row.revision]));
  const payload: Record<string, unknown>[] = [];
  const lasts: { revision: number; index: number }[] = [];
  for (const { stream, events } of appends) {
    const first = (current.get(stream) ?? -1) + 1;
    events.forEach((e, i) =>
      payload.push({ ...eventPayload(e, e.id.toLowerCase()), stream, revision: first + i }),
    );
    lasts.push({ revision: first + events.length - 1, index: payload.length - 1 });
  }
  const { rows } = await tx.query<{ position: string | number }>(
    `WITH ${insertEventsCtes('$1', '$2', "e.value->>'stream'", "(e.value->>'revision')::int")}, stream_rows AS (
       INSERT INTO es_streams (stream, revision)
       SELECT s.stream, s.revision FROM unnest($3::text[], $4::int[]) AS s(stream, revision)
       ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision
     )
     SELECT max(position) AS position, pg_notify($5, max(position)::text) FROM written`,
    [payload.length, JSON.stringify(payload), streams, lasts.map((l) => l.revision), channel],
  );
  // Positions follow the payload's order: the first event took head + 1.
  const first = Number(rows[0]?.position) - payload.length + 1;
  return lasts.map(({ revision, index }) => ({ nextExpectedRevision: revision, position: first + index }));
}
