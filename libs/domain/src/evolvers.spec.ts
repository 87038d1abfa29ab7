// Every evolver is total: an event type it does not know (one a newer version writes to the same
// stream) leaves the state as it was, the very same object.
import { evolveEmailAttempt } from './email-attempt/email-attempt.evolve';
import { initialEmailAttemptState } from './email-attempt/email-attempt.state';
import { evolveEntityType } from './entity-type/entity-type.evolve';
import { initialEntityTypeState } from './entity-type/entity-type.state';
import { evolvePortalRole } from './portal-role/portal-role.evolve';
import { initialPortalRoleState } from './portal-role/portal-role.state';
import { evolvePortalUser } from './portal-user/portal-user.evolve';
import { initialPortalUserState } from './portal-user/portal-user.state';
import { evolvePortal } from './portal/portal.evolve';
import { initialPortalState } from './portal/portal.state';
import { evolveDataSubject, initialDataSubjectState } from './privacy/data-subject.decide';
import { evolveRecordFollowers } from './record/followers/record-followers.evolve';
import { initialRecordFollowersState } from './record/followers/record-followers.state';
import { evolveRecord } from './record/record.evolve';
import { initialRecordState } from './record/record.state';
import { evolveReservation } from './reservation/reservation.evolve';
import { initialReservationState } from './reservation/reservation.state';
import { evolveShareLink } from './share-link/share-link.evolve';
import { initialShareLinkState } from './share-link/share-link.state';
import { evolveStaffUser } from './staff-user/staff-user.evolve';
import { initialStaffUserState } from './staff-user/staff-user.state';

type AnyEvolve = (state: object, event: never) => object;

const evolvers: [string, AnyEvolve, object][] = [
  ['email attempt', evolveEmailAttempt as AnyEvolve, initialEmailAttemptState],
  ['entity type', evolveEntityType as AnyEvolve, initialEntityTypeState],
  ['portal role', evolvePortalRole as AnyEvolve, initialPortalRoleState],
  ['portal user', evolvePortalUser as AnyEvolve, initialPortalUserState],
  ['portal', evolvePortal as AnyEvolve, initialPortalState],
  ['data subject', evolveDataSubject as AnyEvolve, initialDataSubjectState],
  ['record followers', evolveRecordFollowers as AnyEvolve, initialRecordFollowersState],
  ['record', evolveRecord as AnyEvolve, initialRecordState],
  ['reservation', evolveReservation as AnyEvolve, initialReservationState],
  ['share link', evolveShareLink as AnyEvolve, initialShareLinkState],
  ['staff user', evolveStaffUser as AnyEvolve, initialStaffUserState],
];

describe('evolvers and event types they do not know', () => {
  it.each(evolvers)('the %s evolver returns its state unchanged', (_name, evolve, initial) => {
    const state = { ...initial };
    const unknown = { type: 'SomethingFromANewerVersion', data: { id: 'x' } } as never;
    expect(evolve(state, unknown)).toBe(state);
    expect(state).toEqual(initial);
  });
});
