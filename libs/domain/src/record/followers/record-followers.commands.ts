/** A portal user follows (or stops following) a record inside their stream level. */
export interface FollowRecordAsPortalUser {
  type: 'FollowRecordAsPortalUser';
  entityType: string;
  follow: boolean;
}
