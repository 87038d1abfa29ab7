import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { UpcasterRegistry } from '../upcasters';

/** One es_events row as both drivers return it (pg gives bigint as a string, PGlite as a number). */
export interface EventRow {
  position: string | number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date | string;
}

export const EVENT_COLUMNS = 'position, stream, revision, id, type, version, data, metadata, recorded_at';

/** Maps a row to the port's shape, upcast to the current version of its type. */
export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  const { version, data } = upcasters.upcast(row.type, row.version, row.data, row.metadata);
  return {
    id: row.id,
    stream: row.stream,
    type: row.type,
    version,
    data,
    metadata: row.metadata,
    revision: row.revision,
    position: Number(row.position),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
