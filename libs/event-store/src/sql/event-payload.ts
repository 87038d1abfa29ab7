import type { NewEvent } from '../event-store.port';

/** One event as the append statements take it in their jsonb array (`id` lower-cased by the caller). */
export function eventPayload(event: NewEvent, id: string): Record<string, unknown> {
  return { id, type: event.type, version: event.version ?? 1, data: event.data, metadata: event.metadata };
}

/**
 * The `head` and `written` CTEs of an append: es_head moved by `count` (its row locked until
 * commit, so commits happen in position order), then the payload's events inserted at the
 * positions after the old head. `stream` and `revision` are SQL expressions over `e` (value, ord).
 */
export function insertEventsCtes(count: string, payload: string, stream: string, revision: string): string {
  return `head AS (
       UPDATE es_head SET position = position + ${count}::bigint WHERE id = 1
       RETURNING position - ${count}::bigint AS before
     ), written AS (
       INSERT INTO es_events (position, stream, revision, id, type, version, data, metadata)
       SELECT head.before + e.ord, ${stream}, ${revision}, (e.value->>'id')::uuid, e.value->>'type',
              (e.value->>'version')::int, e.value->'data', e.value->'metadata'
       FROM head, jsonb_array_elements(${payload}::jsonb) WITH ORDINALITY AS e(value, ord)
       RETURNING position
     )`;
}
