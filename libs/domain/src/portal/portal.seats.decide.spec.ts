import type { PortalEvent } from './portal.events';
import { decideReleasePortalSeat, decideTakePortalSeat } from './portal.seats.decide';
import { decideUpdatePortal } from './portal.decide';
import { createdWith, given, portalId, problem, refusal } from './testing/portal.scenario';

const taken = (portalUserId: string): PortalEvent => ({
  type: 'PortalSeatTaken',
  data: { portalId, portalUserId },
});
const released = (portalUserId: string): PortalEvent => ({
  type: 'PortalSeatReleased',
  data: { portalId, portalUserId },
});

describe('decideTakePortalSeat', () => {
  it('gives a seat while the portal is below its limit', () => {
    expect(
      decideTakePortalSeat({ portalId, portalUserId: 'u2' }, given([createdWith(2), taken('u1')])),
    ).toEqual([taken('u2')]);
  });

  it('never runs out of seats without a limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => taken(`u${i}`));
    expect(
      decideTakePortalSeat({ portalId, portalUserId: 'new' }, given([createdWith(null), ...many])),
    ).toEqual([taken('new')]);
  });

  it('is a no-op for a user who already holds a seat, even at the limit', () => {
    expect(
      decideTakePortalSeat({ portalId, portalUserId: 'u1' }, given([createdWith(1), taken('u1')])),
    ).toEqual([]);
  });

  it('refuses a seat at the limit with portal_user_limit (conflict)', () => {
    const error = refusal(() =>
      decideTakePortalSeat(
        { portalId, portalUserId: 'u3' },
        given([createdWith(2), taken('u1'), taken('u2')]),
      ),
    );
    expect([error.code, error.kind]).toEqual(['portal_user_limit', 'conflict']);
  });

  it('tells the limit it refuses at', () => {
    expect(
      problem(() =>
        decideTakePortalSeat(
          { portalId, portalUserId: 'u3' },
          given([createdWith(2), taken('u1'), taken('u2')]),
        ),
      ),
    ).toEqual({
      code: 'portal_user_limit',
      kind: 'conflict',
      message: 'This portal allows at most 2 users',
      errors: [],
    });
  });

  it('frees the seat of a user who left', () => {
    expect(
      decideTakePortalSeat(
        { portalId, portalUserId: 'u3' },
        given([createdWith(2), taken('u1'), taken('u2'), released('u1')]),
      ),
    ).toEqual([taken('u3')]);
  });

  it('lets maxUsers drop below the count: current users stay, new ones are refused until enough leave', () => {
    const history = [createdWith(3), taken('u1'), taken('u2'), taken('u3')];
    const lowered = decideUpdatePortal({ portalId, settings: { maxUsers: 1 } }, given(history));
    expect(lowered).toEqual([
      {
        type: 'PortalSettingsChanged',
        data: { portalId, changes: { 'settings.maxUsers': { from: 3, to: 1 } } },
      },
    ]);
    const state = given([...history, ...lowered]);
    expect(state.seatHolders).toEqual(['u1', 'u2', 'u3']);
    expect(decideTakePortalSeat({ portalId, portalUserId: 'u1' }, state)).toEqual([]);
    expect(refusal(() => decideTakePortalSeat({ portalId, portalUserId: 'u4' }, state)).code).toBe(
      'portal_user_limit',
    );
    const afterTwoLeft = given([...history, ...lowered, released('u1'), released('u2')]);
    expect(refusal(() => decideTakePortalSeat({ portalId, portalUserId: 'u4' }, afterTwoLeft)).code).toBe(
      'portal_user_limit',
    );
    const afterThreeLeft = given([...history, ...lowered, released('u1'), released('u2'), released('u3')]);
    expect(decideTakePortalSeat({ portalId, portalUserId: 'u4' }, afterThreeLeft)).toEqual([taken('u4')]);
  });

  it('refuses a portal never created with portal_not_found', () => {
    const error = refusal(() => decideTakePortalSeat({ portalId, portalUserId: 'u1' }, given([])));
    expect([error.code, error.kind]).toEqual(['portal_not_found', 'not-found']);
  });
});

describe('decideReleasePortalSeat', () => {
  it('releases a held seat', () => {
    expect(
      decideReleasePortalSeat({ portalId, portalUserId: 'u1' }, given([createdWith(1), taken('u1')])),
    ).toEqual([released('u1')]);
  });

  it('is a no-op for a user without a seat', () => {
    expect(decideReleasePortalSeat({ portalId, portalUserId: 'u1' }, given([createdWith(1)]))).toEqual([]);
  });

  it('refuses a portal never created with portal_not_found', () => {
    expect(refusal(() => decideReleasePortalSeat({ portalId, portalUserId: 'u1' }, given([]))).code).toBe(
      'portal_not_found',
    );
  });
});
