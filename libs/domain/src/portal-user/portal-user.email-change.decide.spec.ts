import type { ConfirmEmailChange, RequestEmailChange } from './portal-user.commands';
import type { EmailChangeRequested, InvitationSent } from './portal-user.events';
import { portalUserStatus } from './portal-user.status';
import {
  HASH_1,
  HASH_2,
  NOW,
  PORTAL_A,
  STAFF_DOMAINS,
  activeUserEvents,
  created,
  given,
  refusalAfter,
  stateAfter,
} from './testing/portal-user.scenario';

const IN_7_DAYS = '2026-03-17T12:00:00.000Z';

function request(overrides: Partial<RequestEmailChange> = {}): RequestEmailChange {
  return {
    type: 'RequestEmailChange',
    newEmail: 'Jane.New@Customer.org',
    tokenHash: HASH_1,
    now: NOW,
    staffEmailDomains: STAFF_DOMAINS,
    ...overrides,
  };
}

function confirm(overrides: Partial<ConfirmEmailChange> = {}): ConfirmEmailChange {
  return { type: 'ConfirmEmailChange', tokenHash: HASH_1, now: NOW, ...overrides };
}

const requested: EmailChangeRequested = {
  type: 'EmailChangeRequested',
  data: { newEmail: 'jane.new@customer.org', tokenHash: HASH_1, expiresAt: IN_7_DAYS },
};
const confirmed = { type: 'EmailChangeConfirmed', data: { newEmail: 'jane.new@customer.org' } } as const;

describe('RequestEmailChange', () => {
  it('asks an active user to confirm the new (normalized) address; login is suspended meanwhile', () => {
    expect(given(...activeUserEvents()).when(request())).toEqual({ events: [requested] });
    expect(portalUserStatus(stateAfter(...activeUserEvents(), requested))).toBe('suspended');
  });

  it('changes the address of a user without password at once and voids invitations sent to the old one', () => {
    const sent: InvitationSent = {
      type: 'InvitationSent',
      data: {
        invitationId: 'inv-1',
        portalId: PORTAL_A,
        tokenHash: HASH_2,
        expiresAt: IN_7_DAYS,
        resend: false,
      },
    };
    expect(given(created(), sent).when(request())).toEqual({ events: [confirmed] });
    const state = stateAfter(created(), sent, confirmed);
    expect(state.email).toBe('jane.new@customer.org');
    expect(state.invitations).toEqual({});
    expect(portalUserStatus(state)).toBe('invited');
  });

  it.each<[string, Partial<RequestEmailChange>, string]>([
    ['an empty address', { newEmail: ' ' }, 'no_email'],
    ['an invalid address', { newEmail: 'not-an-email' }, 'invalid_email'],
    ['a staff address', { newEmail: 'jane@acme.com' }, 'staff_domain'],
    ['the current address', { newEmail: ' JANE@customer.org' }, 'email_unchanged'],
  ])('refuses %s', (_case, overrides, code) => {
    expect(given(...activeUserEvents()).when(request(overrides))).toMatchObject({
      refused: { code, kind: 'invalid' },
    });
  });

  it('tells why it refuses the current address', () => {
    expect(refusalAfter(activeUserEvents(), request({ newEmail: 'Jane@Customer.org' }))).toEqual({
      code: 'email_unchanged',
      kind: 'invalid',
      message: 'This is already the email address.',
      errors: [{ path: 'newEmail', message: 'same as the current email' }],
    });
  });

  it('refuses a deactivated user', () => {
    expect(
      given(...activeUserEvents(), { type: 'PortalUserDeactivated', data: {} }).when(request()),
    ).toMatchObject({
      refused: { code: 'user_deactivated' },
    });
  });
});

describe('ConfirmEmailChange', () => {
  it('confirms with the token and lifts the suspension', () => {
    expect(given(...activeUserEvents(), requested).when(confirm())).toEqual({ events: [confirmed] });
    const state = stateAfter(...activeUserEvents(), requested, confirmed);
    expect(state.email).toBe('jane.new@customer.org');
    expect(portalUserStatus(state)).toBe('active');
  });

  it('is single use', () => {
    expect(given(...activeUserEvents(), requested, confirmed).when(confirm())).toMatchObject({
      refused: { code: 'email_change_invalid' },
    });
  });

  it('refuses an expired token', () => {
    expect(given(...activeUserEvents(), requested).when(confirm({ now: IN_7_DAYS }))).toMatchObject({
      refused: { code: 'email_change_expired' },
    });
  });

  it('tells why it refuses a link that is not valid or has expired', () => {
    expect(refusalAfter(activeUserEvents(), confirm())).toEqual({
      code: 'email_change_invalid',
      kind: 'invalid',
      message: 'This email confirmation link is not valid.',
      errors: [],
    });
    expect(refusalAfter([...activeUserEvents(), requested], confirm({ now: IN_7_DAYS }))).toEqual({
      code: 'email_change_expired',
      kind: 'invalid',
      message: 'This email confirmation link has expired.',
      errors: [],
    });
  });

  it('refuses a wrong or superseded token, and when nothing is pending', () => {
    const again: EmailChangeRequested = { ...requested, data: { ...requested.data, tokenHash: HASH_2 } };
    expect(given(...activeUserEvents(), requested, again).when(confirm())).toMatchObject({
      refused: { code: 'email_change_invalid' },
    });
    expect(given(...activeUserEvents()).when(confirm())).toMatchObject({
      refused: { code: 'email_change_invalid' },
    });
  });

  it('refuses a deactivated user', () => {
    const past = [...activeUserEvents(), requested, { type: 'PortalUserDeactivated', data: {} } as const];
    expect(given(...past).when(confirm())).toMatchObject({ refused: { code: 'user_deactivated' } });
  });
});
