export const RECORD_FOLLOWERS_STREAM_PREFIX = 'recordFollowers-';

/**
 * `recordFollowers-<EntityType>-<id>`: apart from the record's own stream, so following moves
 * neither the record's revision (its ETag) nor its history.
 */
export function recordFollowersStream(entityType: string, id: string): string {
  return `${RECORD_FOLLOWERS_STREAM_PREFIX}${entityType}-${id}`;
}
