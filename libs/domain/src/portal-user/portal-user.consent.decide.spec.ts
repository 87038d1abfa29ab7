import { hasRequiredConsent } from './portal-user.consent.decide';
import type { PortalUserEvent } from './portal-user.events';
import {
  HASH_1,
  NOW,
  PORTAL_A,
  PORTAL_B,
  activeUserEvents,
  created,
  given,
  refusalAfter,
  stateAfter,
} from './testing/portal-user.scenario';

const gave = (version: string, portalId = PORTAL_A): PortalUserEvent => ({
  type: 'ConsentGiven',
  data: { portalId, version },
});
const withdrew = (version: string, portalId = PORTAL_A): PortalUserEvent => ({
  type: 'ConsentWithdrawn',
  data: { portalId, version },
});

describe('GiveConsent', () => {
  const give = (version: string, required: string | null) =>
    ({ type: 'GiveConsent', portalId: PORTAL_A, version, required }) as const;

  it('records the version the portal requires now, with ids and the version only', () => {
    expect(given(...activeUserEvents()).when(give('2026-1', '2026-1'))).toEqual({
      events: [{ type: 'ConsentGiven', data: { portalId: PORTAL_A, version: '2026-1' } }],
    });
  });

  it('does nothing when that version is already held', () => {
    expect(given(...activeUserEvents(), gave('2026-1')).when(give('2026-1', '2026-1'))).toEqual({
      events: [],
    });
  });

  it('refuses another version than the required one, and any when none is required', () => {
    for (const outcome of [
      given(...activeUserEvents()).when(give('2025-9', '2026-1')),
      given(...activeUserEvents()).when(give('2026-1', null)),
    ]) {
      expect(outcome).toMatchObject({ refused: { code: 'consent_version_not_current', kind: 'invalid' } });
    }
  });

  it('tells which version it takes, or that none is required', () => {
    expect(refusalAfter(activeUserEvents(), give('2025-9', '2026-1'))).toEqual({
      code: 'consent_version_not_current',
      kind: 'invalid',
      message: 'Only the version of the terms this portal requires now can be accepted.',
      errors: [{ path: 'version', message: 'must be 2026-1' }],
    });
    expect(refusalAfter(activeUserEvents(), give('2026-1', null)).errors).toEqual([
      { path: 'version', message: 'must be (none required)' },
    ]);
  });

  it('refuses a portal the user is not a member of', () => {
    expect(given(...activeUserEvents()).when({ ...give('v1', 'v1'), portalId: PORTAL_B })).toMatchObject({
      refused: { code: 'not_in_portal' },
    });
  });
});

describe('WithdrawConsent', () => {
  it('withdraws the version held', () => {
    expect(
      given(...activeUserEvents(), gave('v1')).when({
        type: 'WithdrawConsent',
        portalId: PORTAL_A,
        version: 'v1',
      }),
    ).toEqual({ events: [withdrew('v1')] });
  });

  it('refuses a version not held (404), and after a withdrawal', () => {
    for (const history of [[gave('v1')], [gave('v1'), withdrew('v1')], []]) {
      expect(
        given(...activeUserEvents(), ...history).when({
          type: 'WithdrawConsent',
          portalId: PORTAL_A,
          version: history.length === 0 ? 'v1' : 'v2',
        }),
      ).toMatchObject({ refused: { code: 'consent_not_given', kind: 'not-found' } });
    }
  });

  it('tells that no consent to this version is held', () => {
    expect(
      refusalAfter([...activeUserEvents(), gave('v1')], {
        type: 'WithdrawConsent',
        portalId: PORTAL_A,
        version: 'v2',
      }),
    ).toEqual({
      code: 'consent_not_given',
      kind: 'not-found',
      message: 'No consent to this version is held.',
      errors: [],
    });
  });
});

describe('hasRequiredConsent', () => {
  it('holds when nothing is required, or exactly the required version in that portal', () => {
    const state = stateAfter(...activeUserEvents(), gave('v1'));
    expect(hasRequiredConsent(state, PORTAL_A, null)).toBe(true);
    expect(hasRequiredConsent(state, PORTAL_A, 'v1')).toBe(true);
    expect(hasRequiredConsent(state, PORTAL_A, 'v2')).toBe(false);
    expect(hasRequiredConsent(state, PORTAL_B, 'v1')).toBe(false);
    expect(
      hasRequiredConsent(stateAfter(...activeUserEvents(), gave('v1'), withdrew('v1')), PORTAL_A, 'v1'),
    ).toBe(false);
  });
});

describe('consent with the invitation acceptance', () => {
  const invited: PortalUserEvent[] = [
    created(),
    {
      type: 'InvitationSent',
      data: {
        invitationId: 'inv-1',
        portalId: PORTAL_A,
        tokenHash: HASH_1,
        expiresAt: '2026-03-17T12:00:00.000Z',
        resend: false,
      },
    },
  ];
  const accept = (accepted: string | null, required: string | null) =>
    ({
      type: 'AcceptInvitation',
      portalId: PORTAL_A,
      tokenHash: HASH_1,
      now: NOW,
      consent: { required, accepted },
    }) as const;

  it('records ConsentGiven after the acceptance when the required version is accepted', () => {
    expect(given(...invited).when(accept('v1', 'v1'))).toMatchObject({
      events: [{ type: 'InvitationAccepted' }, { type: 'PortalUserPasswordSet' }, gave('v1')],
    });
  });

  it('refuses (403 consent_required) a missing or wrong version, writing nothing', () => {
    for (const accepted of [null, 'v0']) {
      expect(given(...invited).when(accept(accepted, 'v1'))).toMatchObject({
        refused: { code: 'consent_required', kind: 'forbidden' },
      });
    }
  });

  it('tells which version of the terms must be accepted', () => {
    expect(refusalAfter(invited, accept('v0', 'v1'))).toEqual({
      code: 'consent_required',
      kind: 'forbidden',
      message: 'This portal requires accepting version v1 of its terms first.',
      errors: [],
    });
  });

  it('asks nothing of a portal that requires no consent', () => {
    expect(given(...invited).when(accept(null, null))).toMatchObject({
      events: [{ type: 'InvitationAccepted' }, { type: 'PortalUserPasswordSet' }],
    });
  });
});

describe('LogIn with consent and restriction', () => {
  const login = (consent: { required: string | null; accepted: string | null }) =>
    ({
      type: 'LogIn',
      portalId: PORTAL_A,
      passwordOk: true,
      sessionId: 's1',
      ip: '203.0.113.7',
      userAgent: 'jest',
      now: NOW,
      consent,
    }) as const;
  const types = (outcome: ReturnType<ReturnType<typeof given>['when']>) =>
    'events' in outcome
      ? outcome.events.map((e) => (e.type === 'PortalUserLoginFailed' ? e.data.reason : e.type))
      : outcome;

  it('refuses with consent_required when a new version is required and none is accepted', () => {
    expect(
      types(given(...activeUserEvents(), gave('v1')).when(login({ required: 'v2', accepted: null }))),
    ).toEqual(['consent_required']);
  });

  it('logs in accepting the required version with the login, recording it first', () => {
    expect(
      types(given(...activeUserEvents(), gave('v1')).when(login({ required: 'v2', accepted: 'v2' }))),
    ).toEqual(['ConsentGiven', 'PortalUserLoggedIn']);
    expect(
      types(given(...activeUserEvents(), gave('v2')).when(login({ required: 'v2', accepted: null }))),
    ).toEqual(['PortalUserLoggedIn']);
  });

  it('refuses a restricted user with the right password (restricted), and lets them in once lifted', () => {
    const restricted: PortalUserEvent = { type: 'ProcessingRestricted', data: { subjectId: 'c1' } };
    const lifted: PortalUserEvent = { type: 'ProcessingRestrictionLifted', data: { subjectId: 'c1' } };
    const none = { required: null, accepted: null };
    expect(types(given(...activeUserEvents(), restricted).when(login(none)))).toEqual(['restricted']);
    expect(
      types(given(...activeUserEvents(), restricted).when({ ...login(none), passwordOk: false })),
    ).toEqual(['bad_password']);
    expect(types(given(...activeUserEvents(), restricted, lifted).when(login(none)))).toEqual([
      'PortalUserLoggedIn',
    ]);
  });
});

describe('RestrictProcessing and its lifting', () => {
  it('restricts once and lifts once', () => {
    const restrict = { type: 'RestrictProcessing', subjectId: 'c1' } as const;
    const lift = { type: 'LiftProcessingRestriction', subjectId: 'c1' } as const;
    expect(given(...activeUserEvents()).when(restrict)).toEqual({
      events: [{ type: 'ProcessingRestricted', data: { subjectId: 'c1' } }],
    });
    expect(
      given(...activeUserEvents(), { type: 'ProcessingRestricted', data: { subjectId: 'c1' } }).when(
        restrict,
      ),
    ).toEqual({ events: [] });
    expect(given(...activeUserEvents()).when(lift)).toEqual({ events: [] });
  });
});
