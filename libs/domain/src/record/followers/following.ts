import type { RecordFollowersState } from './record-followers.state';

/** What decides whether someone follows a record by default, as the read model keeps it. */
export interface FollowedRecord {
  createdByPortalUserId: string | null;
  contactIds: readonly string[];
}

export interface FollowerCandidate {
  id: string;
  contactId: string | null;
}

/** The creator and the record's contact follow it until they choose otherwise (EspoCRM's auto-follow). */
export function followsByDefault(record: FollowedRecord, user: FollowerCandidate): boolean {
  return (
    record.createdByPortalUserId === user.id ||
    (user.contactId !== null && record.contactIds.includes(user.contactId))
  );
}

/** An explicit choice wins; without one, the default. Pure. */
export function isFollowing(
  choices: RecordFollowersState['choices'],
  record: FollowedRecord,
  user: FollowerCandidate,
): boolean {
  const choice = Object.prototype.hasOwnProperty.call(choices, user.id) ? choices[user.id] : undefined;
  return choice ?? followsByDefault(record, user);
}
