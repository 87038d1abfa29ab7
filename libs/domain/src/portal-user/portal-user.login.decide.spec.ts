import type { LogIn } from './portal-user.commands';
import type { LoginFailureReason, PortalUserEvent } from './portal-user.events';
import {
  NOW,
  PORTAL_A,
  PORTAL_B,
  activeUserEvents,
  created,
  given,
  stateAfter,
} from './testing/portal-user.scenario';

function login(overrides: Partial<LogIn> = {}): LogIn {
  return {
    type: 'LogIn',
    portalId: PORTAL_A,
    passwordOk: true,
    sessionId: 'session-1',
    ip: '203.0.113.7',
    userAgent: 'jest',
    now: NOW,
    ...overrides,
  };
}

const failed = (reason: LoginFailureReason, portalId = PORTAL_A) => ({
  events: [
    {
      type: 'PortalUserLoginFailed',
      data: { portalId, reason, ip: '203.0.113.7', userAgent: 'jest', at: NOW },
    },
  ],
});

const deactivated = { type: 'PortalUserDeactivated', data: {} } as const;
const emailChangePending = {
  type: 'EmailChangeRequested',
  data: { newEmail: 'new@customer.org', tokenHash: 'c'.repeat(64), expiresAt: '2026-03-17T12:00:00.000Z' },
} as const;
const supportOver = { type: 'SupportPeriodSet', data: { start: '2025-01-01', end: '2026-03-09' } } as const;

describe('LogIn', () => {
  it('logs an active member in with the right password', () => {
    expect(given(...activeUserEvents()).when(login())).toEqual({
      events: [
        {
          type: 'PortalUserLoggedIn',
          data: { portalId: PORTAL_A, sessionId: 'session-1', ip: '203.0.113.7', userAgent: 'jest', at: NOW },
        },
      ],
    });
  });

  it('remembers the last login time', () => {
    const { events } = given(...activeUserEvents()).when(login()) as { events: PortalUserEvent[] };
    expect(stateAfter(...activeUserEvents(), ...events).lastLoginAt).toBe(NOW);
  });

  it.each<[string, PortalUserEvent[], Partial<LogIn>, LoginFailureReason]>([
    ['no password set yet', [created()], {}, 'no_password'],
    ['a wrong password', activeUserEvents(), { passwordOk: false }, 'bad_password'],
    ['a deactivated user', [...activeUserEvents(), deactivated], {}, 'deactivated'],
    ['a pending email change', [...activeUserEvents(), emailChangePending], {}, 'suspended'],
    ['another portal', activeUserEvents(), { portalId: PORTAL_B }, 'not_in_portal'],
    ['after the support period', [...activeUserEvents(), supportOver], {}, 'outside_support_period'],
  ])('records a failure for %s', (_case, past, overrides, reason) => {
    expect(given(...past).when(login(overrides))).toEqual(failed(reason, overrides.portalId));
  });

  describe('precedence: no_password, bad_password, deactivated, suspended, not_in_portal, outside_support_period', () => {
    const everythingWrong = [...activeUserEvents(), deactivated, emailChangePending, supportOver];

    it('no_password beats a wrong password and account state', () => {
      expect(given(created(), deactivated).when(login({ passwordOk: false }))).toEqual(failed('no_password'));
    });

    it('bad_password beats every account-state reason', () => {
      expect(given(...everythingWrong).when(login({ passwordOk: false, portalId: PORTAL_B }))).toEqual(
        failed('bad_password', PORTAL_B),
      );
    });

    it('deactivated beats suspended, not_in_portal and the support period', () => {
      expect(given(...everythingWrong).when(login({ portalId: PORTAL_B }))).toEqual(
        failed('deactivated', PORTAL_B),
      );
    });

    it('suspended beats not_in_portal and the support period', () => {
      const past = [...activeUserEvents(), emailChangePending, supportOver];
      expect(given(...past).when(login({ portalId: PORTAL_B }))).toEqual(failed('suspended', PORTAL_B));
    });

    it('not_in_portal beats the support period', () => {
      expect(given(...activeUserEvents(), supportOver).when(login({ portalId: PORTAL_B }))).toEqual(
        failed('not_in_portal', PORTAL_B),
      );
    });
  });

  it('refuses (throws for) a user that does not exist: unknown emails are the API business', () => {
    expect(given().when(login())).toMatchObject({ refused: { code: 'portal_user_not_found' } });
  });
});

describe('LogOut', () => {
  it.each(['logout', 'idle_timeout', 'expired'] as const)('records a %s', (reason) => {
    expect(
      given(...activeUserEvents()).when({
        type: 'LogOut',
        portalId: PORTAL_A,
        sessionId: 'session-1',
        reason,
        now: NOW,
      }),
    ).toEqual({
      events: [
        {
          type: 'PortalUserLoggedOut',
          data: { portalId: PORTAL_A, sessionId: 'session-1', reason, at: NOW },
        },
      ],
    });
  });

  it('refuses a user that does not exist', () => {
    expect(
      given().when({ type: 'LogOut', portalId: PORTAL_A, sessionId: 's', reason: 'logout', now: NOW }),
    ).toMatchObject({ refused: { code: 'portal_user_not_found' } });
  });
});
