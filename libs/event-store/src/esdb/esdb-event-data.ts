import { jsonEvent, type EventData, type JSONType } from '@eventstore/db-client';
import type { NewEvent } from '../event-store.port';

/** Metadata field holding the schema version of `data`: EventStoreDB has no column for it. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** An event to append, as a JSON event keeping our id (so the server can spot retries) and our metadata. */
export function toEsdbEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.version ?? 1 },
  });
}
