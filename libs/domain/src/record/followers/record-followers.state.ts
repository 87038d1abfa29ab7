/**
 * The explicit choices made about one record: true follows, false unfollowed. A user without a
 * choice follows by default when they created the record or are its contact (see isFollowing).
 */
export interface RecordFollowersState {
  choices: Readonly<Record<string, boolean>>;
}

export const initialRecordFollowersState: RecordFollowersState = { choices: {} };
