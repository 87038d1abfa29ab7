import type { RequestPasswordReset, ResetPassword } from './portal-user.commands';
import type { PasswordResetRequested } from './portal-user.events';
import {
  HASH_1,
  HASH_2,
  NOW,
  PORTAL_A,
  PORTAL_B,
  activeUserEvents,
  created,
  given,
  refusalAfter,
} from './testing/portal-user.scenario';

const IN_1_HOUR = '2026-03-10T13:00:00.000Z';

function request(overrides: Partial<RequestPasswordReset> = {}): RequestPasswordReset {
  return {
    type: 'RequestPasswordReset',
    resetId: 'reset-1',
    portalId: PORTAL_A,
    tokenHash: HASH_1,
    now: NOW,
    ...overrides,
  };
}

function reset(overrides: Partial<ResetPassword> = {}): ResetPassword {
  return { type: 'ResetPassword', portalId: PORTAL_A, tokenHash: HASH_1, now: NOW, ...overrides };
}

const requested: PasswordResetRequested = {
  type: 'PasswordResetRequested',
  data: { resetId: 'reset-1', portalId: PORTAL_A, tokenHash: HASH_1, expiresAt: IN_1_HOUR },
};
const requestedAgain: PasswordResetRequested = {
  type: 'PasswordResetRequested',
  data: { resetId: 'reset-2', portalId: PORTAL_A, tokenHash: HASH_2, expiresAt: IN_1_HOUR },
};
const deactivated = { type: 'PortalUserDeactivated', data: {} } as const;

describe('RequestPasswordReset', () => {
  it('records a reset valid one hour, with the hash of the token only', () => {
    expect(given(...activeUserEvents()).when(request())).toEqual({ events: [requested] });
  });

  it('refuses a deactivated user', () => {
    expect(given(...activeUserEvents(), deactivated).when(request())).toMatchObject({
      refused: { code: 'user_deactivated' },
    });
  });

  it('refuses a portal the user is not in', () => {
    expect(given(...activeUserEvents()).when(request({ portalId: PORTAL_B }))).toMatchObject({
      refused: { code: 'not_in_portal' },
    });
  });

  it('refuses a user who never set a password (the invitation sets the first one)', () => {
    expect(given(created()).when(request())).toMatchObject({ refused: { code: 'no_password' } });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when(request())).toMatchObject({ refused: { code: 'portal_user_not_found' } });
  });
});

describe('ResetPassword', () => {
  const done = [
    { type: 'PasswordReset', data: { resetId: 'reset-1' } },
    { type: 'PortalUserPasswordSet', data: { reason: 'reset' } },
  ];

  it('resets with a valid token and records that a password was set', () => {
    expect(given(...activeUserEvents(), requested).when(reset())).toEqual({ events: done });
  });

  it('is single use', () => {
    const past = [...activeUserEvents(), requested, ...done] as Parameters<typeof given>;
    expect(given(...past).when(reset())).toMatchObject({ refused: { code: 'reset_used' } });
  });

  it('refuses an expired token', () => {
    expect(given(...activeUserEvents(), requested).when(reset({ now: IN_1_HOUR }))).toMatchObject({
      refused: { code: 'reset_expired' },
    });
  });

  it('refuses an unknown token, or any when nothing was requested', () => {
    expect(given(...activeUserEvents(), requested).when(reset({ tokenHash: 'c'.repeat(64) }))).toMatchObject({
      refused: { code: 'reset_invalid' },
    });
    expect(given(...activeUserEvents()).when(reset())).toMatchObject({ refused: { code: 'reset_invalid' } });
  });

  it('refuses the token of a superseded request', () => {
    expect(given(...activeUserEvents(), requested, requestedAgain).when(reset())).toMatchObject({
      refused: { code: 'reset_invalid' },
    });
  });

  it("refuses a token presented at another portal's URL", () => {
    expect(given(...activeUserEvents(), requested).when(reset({ portalId: PORTAL_B }))).toMatchObject({
      refused: { code: 'reset_invalid' },
    });
  });

  it('refuses a deactivated user', () => {
    expect(given(...activeUserEvents(), requested, deactivated).when(reset())).toMatchObject({
      refused: { code: 'user_deactivated', kind: 'forbidden' },
    });
  });

  it('refuses the token once the email changed (the link went to the old address)', () => {
    const confirmed = { type: 'EmailChangeConfirmed', data: { newEmail: 'new@customer.org' } } as const;
    expect(given(...activeUserEvents(), requested, confirmed).when(reset())).toMatchObject({
      refused: { code: 'reset_invalid' },
    });
  });
});

describe('password reset: what each refusal tells', () => {
  const refused = (code: string, message: string) => ({ code, kind: 'invalid', message, errors: [] });

  it('tells an invited user to accept the invitation first', () => {
    expect(refusalAfter([created()], request())).toEqual(
      refused('no_password', 'The portal user has not accepted an invitation yet.'),
    );
  });

  it('tells whether the link is not valid, used or expired', () => {
    const done = [
      { type: 'PasswordReset', data: { resetId: 'reset-1' } },
      { type: 'PortalUserPasswordSet', data: { reason: 'reset' } },
    ] as const;
    expect(refusalAfter(activeUserEvents(), reset())).toEqual(
      refused('reset_invalid', 'This password reset link is not valid.'),
    );
    expect(refusalAfter([...activeUserEvents(), requested, ...done], reset())).toEqual(
      refused('reset_used', 'This password reset link was already used.'),
    );
    expect(refusalAfter([...activeUserEvents(), requested], reset({ now: IN_1_HOUR }))).toEqual(
      refused('reset_expired', 'This password reset link has expired.'),
    );
  });

  it('resets up to the last millisecond before the expiry', () => {
    expect(
      given(...activeUserEvents(), requested).when(reset({ now: '2026-03-10T12:59:59.999Z' })),
    ).toMatchObject({ events: [{ type: 'PasswordReset' }, { type: 'PortalUserPasswordSet' }] });
  });
});
