import { canStream } from '@portal/acl';
import type { EntityTypeDefinition } from '../../entity-type/entity-type.definition';
import { DomainError } from '../../shared/domain-error';
import type { PortalUserAccess } from '../record.commands';
import { assertReadable } from '../portal-user-readable';
import type { RecordState } from '../record.state';
import { isFollowing } from './following';
import type { FollowRecordAsPortalUser } from './record-followers.commands';
import type { RecordFollowersEvent } from './record-followers.events';
import type { RecordFollowersState } from './record-followers.state';

/**
 * A portal user follows or unfollows a record: readable (else 404, as for a record that does not
 * exist), inside their stream level (else 403, as commenting). Already where they asked to be: no
 * event. `record` is the record's own state, read from its stream.
 */
export function decideFollowRecordAsPortalUser(
  command: FollowRecordAsPortalUser,
  followers: RecordFollowersState,
  record: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): RecordFollowersEvent[] {
  const acl = assertReadable(record, def, access, command.entityType);
  if (!canStream(access.ctx, access.perms, access.user, acl)) {
    throw new DomainError(
      'record_stream_forbidden',
      `You may not ${command.follow ? 'follow' : 'unfollow'} this record`,
      'forbidden',
    );
  }
  const user = { id: access.user.portalUserId, contactId: access.user.contactId };
  if (isFollowing(followers.choices, acl, user) === command.follow) return [];
  const data = { entityType: command.entityType, recordId: acl.id, portalUserId: user.id };
  return [{ type: command.follow ? 'RecordFollowed' : 'RecordUnfollowed', data }];
}
