export const RECORD_STREAM_PREFIX = 'record-';

/** `record-<EntityType>-<id>`: entity type names are PascalCase without dashes, so the split is unambiguous. */
export function recordStream(entityType: string, id: string): string {
  return `${RECORD_STREAM_PREFIX}${entityType}-${id}`;
}

export function parseRecordStream(stream: string): { entityType: string; id: string } | null {
  const match = /^record-([A-Za-z][A-Za-z0-9]*)-(.+)$/.exec(stream);
  return match ? { entityType: match[1], id: match[2] } : null;
}
