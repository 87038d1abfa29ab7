export const ENTITY_TYPE_STREAM_PREFIX = 'entityType-';

export function entityTypeStream(name: string): string {
  return `${ENTITY_TYPE_STREAM_PREFIX}${name}`;
}
