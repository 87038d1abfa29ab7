import type { RecordFollowersEvent } from './record-followers.events';
import type { RecordFollowersState } from './record-followers.state';

/** Folds one event of a `recordFollowers-<Type>-<id>` stream. Pure and total. */
export function evolveRecordFollowers(
  state: RecordFollowersState,
  event: RecordFollowersEvent,
): RecordFollowersState {
  switch (event.type) {
    case 'RecordFollowed':
      return { choices: { ...state.choices, [event.data.portalUserId]: true } };
    case 'RecordUnfollowed':
      return { choices: { ...state.choices, [event.data.portalUserId]: false } };
    default:
      return state;
  }
}
