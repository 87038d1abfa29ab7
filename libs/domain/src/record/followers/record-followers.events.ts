import type { DomainEvent } from '../../shared/decider';

/** Which record, and who: the follow events live on their own stream, not on the record's. */
export interface FollowData {
  entityType: string;
  recordId: string;
  portalUserId: string;
}

/** A portal user chose to follow a record (also one who followed it by default: it is now their choice). */
export type RecordFollowed = DomainEvent<'RecordFollowed', FollowData>;
/** A portal user chose to stop following a record (the creator and the case's contact too). */
export type RecordUnfollowed = DomainEvent<'RecordUnfollowed', FollowData>;

export type RecordFollowersEvent = RecordFollowed | RecordUnfollowed;

export const RECORD_FOLLOWERS_EVENT_TYPES = [
  'RecordFollowed',
  'RecordUnfollowed',
] as const satisfies readonly RecordFollowersEvent['type'][];
