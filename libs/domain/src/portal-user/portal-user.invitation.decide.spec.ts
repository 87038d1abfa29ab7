import type { AcceptInvitation, SendInvitation } from './portal-user.commands';
import type { InvitationSent, PortalUserEvent } from './portal-user.events';
import {
  HASH_1,
  HASH_2,
  NOW,
  PORTAL_A,
  PORTAL_B,
  STAFF_DOMAINS,
  activeUserEvents,
  created,
  given,
  refusalAfter,
  stateAfter,
} from './testing/portal-user.scenario';

const IN_7_DAYS = '2026-03-17T12:00:00.000Z';

function send(overrides: Partial<SendInvitation> = {}): SendInvitation {
  return {
    type: 'SendInvitation',
    invitationId: 'inv-1',
    portalId: PORTAL_A,
    tokenHash: HASH_1,
    now: NOW,
    staffEmailDomains: STAFF_DOMAINS,
    contactDeleted: false,
    ...overrides,
  };
}

function accept(overrides: Partial<AcceptInvitation> = {}): AcceptInvitation {
  return { type: 'AcceptInvitation', portalId: PORTAL_A, tokenHash: HASH_1, now: NOW, ...overrides };
}

const sent: InvitationSent = {
  type: 'InvitationSent',
  data: { invitationId: 'inv-1', portalId: PORTAL_A, tokenHash: HASH_1, expiresAt: IN_7_DAYS, resend: false },
};
const resent: InvitationSent = {
  type: 'InvitationSent',
  data: { invitationId: 'inv-2', portalId: PORTAL_A, tokenHash: HASH_2, expiresAt: IN_7_DAYS, resend: true },
};

describe('SendInvitation', () => {
  it('sends an invitation valid 7 days from now', () => {
    expect(given(created()).when(send())).toEqual({ events: [sent] });
  });

  it('marks a second invitation to the same portal as a resend', () => {
    expect(given(created(), sent).when(send({ invitationId: 'inv-2', tokenHash: HASH_2 }))).toEqual({
      events: [resent],
    });
  });

  it('is not a resend for another portal', () => {
    const outcome = given(created({ portalIds: [PORTAL_A, PORTAL_B] }), sent).when(
      send({ invitationId: 'inv-2', portalId: PORTAL_B, tokenHash: HASH_2 }),
    );
    expect(outcome).toMatchObject({ events: [{ data: { portalId: PORTAL_B, resend: false } }] });
  });

  it.each<[string, PortalUserEvent[], Partial<SendInvitation>, string, string]>([
    ['a user whose contact was deleted', [created()], { contactDeleted: true }, 'record_deleted', 'invalid'],
    [
      'a deactivated user',
      [created(), { type: 'PortalUserDeactivated', data: {} }],
      {},
      'user_deactivated',
      'invalid',
    ],
    ['a user without email (legacy stream)', [created({ email: '' })], {}, 'no_email', 'invalid'],
    ['an invalid email (legacy stream)', [created({ email: 'jane@@x' })], {}, 'invalid_email', 'invalid'],
    [
      'a staff domain added since creation',
      [created()],
      { staffEmailDomains: ['customer.org'] },
      'staff_domain',
      'invalid',
    ],
    ['a portal the user is not in', [created()], { portalId: PORTAL_B }, 'not_in_portal', 'invalid'],
    ['a user who already set a password', activeUserEvents(), {}, 'already_active', 'conflict'],
    [
      'a user whose support period has ended',
      [created(), { type: 'SupportPeriodSet', data: { start: '2025-01-01', end: '2026-03-09' } }],
      {},
      'support_period_ended',
      'invalid',
    ],
  ])('refuses %s', (_case, past, overrides, code, kind) => {
    expect(given(...past).when(send(overrides))).toMatchObject({ refused: { code, kind } });
  });

  it('still invites on the last day of the support period', () => {
    const past = [
      created(),
      { type: 'SupportPeriodSet', data: { start: '2025-01-01', end: '2026-03-10' } } as const,
    ];
    expect(given(...past).when(send())).toEqual({ events: [sent] });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when(send())).toMatchObject({ refused: { code: 'portal_user_not_found' } });
  });
});

describe('AcceptInvitation', () => {
  const accepted = [
    { type: 'InvitationAccepted', data: { invitationId: 'inv-1', portalId: PORTAL_A } },
    { type: 'PortalUserPasswordSet', data: { reason: 'invitation' } },
  ];

  it('accepts a valid token and records that a password was set (never the password)', () => {
    expect(given(created(), sent).when(accept())).toEqual({ events: accepted });
  });

  it('accepts up to the last millisecond before expiry', () => {
    expect(given(created(), sent).when(accept({ now: '2026-03-17T11:59:59.999Z' }))).toEqual({
      events: accepted,
    });
  });

  it('refuses an expired token (at expiresAt and later)', () => {
    expect(given(created(), sent).when(accept({ now: IN_7_DAYS }))).toMatchObject({
      refused: { code: 'invitation_expired' },
    });
  });

  it('refuses an invitation marked expired by housekeeping', () => {
    const expired = {
      type: 'InvitationExpired',
      data: { invitationId: 'inv-1', portalId: PORTAL_A },
    } as const;
    expect(given(created(), sent, expired).when(accept())).toMatchObject({
      refused: { code: 'invitation_expired' },
    });
  });

  it('is single use', () => {
    const past = [
      created(),
      sent,
      ...(given(created(), sent).when(accept()) as { events: PortalUserEvent[] }).events,
    ];
    expect(given(...past).when(accept())).toMatchObject({ refused: { code: 'invitation_used' } });
  });

  it('refuses an unknown token', () => {
    expect(given(created(), sent).when(accept({ tokenHash: 'c'.repeat(64) }))).toMatchObject({
      refused: { code: 'invitation_invalid' },
    });
  });

  it('refuses the token of a superseded invitation and accepts the new one', () => {
    expect(given(created(), sent, resent).when(accept())).toMatchObject({
      refused: { code: 'invitation_invalid' },
    });
    expect(given(created(), sent, resent).when(accept({ tokenHash: HASH_2 }))).toMatchObject({
      events: [
        { type: 'InvitationAccepted', data: { invitationId: 'inv-2' } },
        { type: 'PortalUserPasswordSet' },
      ],
    });
  });

  it("refuses a token presented at another portal's URL", () => {
    const past = [created({ portalIds: [PORTAL_A, PORTAL_B] }), sent];
    expect(given(...past).when(accept({ portalId: PORTAL_B }))).toMatchObject({
      refused: { code: 'invitation_invalid' },
    });
  });

  it('refuses the token once the user left the portal', () => {
    const removed = { type: 'PortalUserRemovedFromPortal', data: { portalId: PORTAL_A } } as const;
    expect(given(created(), sent, removed).when(accept())).toMatchObject({
      refused: { code: 'invitation_invalid' },
    });
  });

  it('refuses a deactivated user', () => {
    const past = [created(), sent, { type: 'PortalUserDeactivated', data: {} } as const];
    expect(given(...past).when(accept())).toMatchObject({
      refused: { code: 'user_deactivated', kind: 'forbidden' },
    });
  });

  it('leaves the user active with a password', () => {
    const state = stateAfter(
      created(),
      sent,
      ...(given(created(), sent).when(accept()) as { events: PortalUserEvent[] }).events,
    );
    expect(state.hasPassword).toBe(true);
    expect(state.invitations[PORTAL_A]?.status).toBe('accepted');
  });
});

describe('ExpireInvitations', () => {
  it('expires pending invitations past their expiry only', () => {
    const toB: InvitationSent = {
      type: 'InvitationSent',
      data: {
        ...sent.data,
        invitationId: 'inv-b',
        portalId: PORTAL_B,
        expiresAt: '2026-03-20T00:00:00.000Z',
      },
    };
    const past = [created({ portalIds: [PORTAL_A, PORTAL_B] }), sent, toB];
    expect(given(...past).when({ type: 'ExpireInvitations', now: IN_7_DAYS })).toEqual({
      events: [{ type: 'InvitationExpired', data: { invitationId: 'inv-1', portalId: PORTAL_A } }],
    });
  });

  it('leaves accepted and unexpired invitations alone', () => {
    expect(given(...activeUserEvents()).when({ type: 'ExpireInvitations', now: IN_7_DAYS })).toEqual({
      events: [],
    });
    expect(given(created(), sent).when({ type: 'ExpireInvitations', now: NOW })).toEqual({ events: [] });
  });
});

describe('invitations: what each refusal tells', () => {
  const refused = (code: string, message: string, kind = 'invalid') => ({ code, kind, message, errors: [] });

  it('tells why it sends no invitation', () => {
    expect(refusalAfter([created()], send({ contactDeleted: true }))).toEqual(
      refused('record_deleted', 'The contact was deleted.'),
    );
    expect(refusalAfter(activeUserEvents(), send())).toEqual(
      refused('already_active', 'The portal user has already set a password.', 'conflict'),
    );
    const ended = { type: 'SupportPeriodSet', data: { start: '2025-01-01', end: '2026-03-09' } } as const;
    expect(refusalAfter([created(), ended], send())).toEqual(
      refused('support_period_ended', "The user's support period has ended."),
    );
  });

  it('tells whether the link is not valid, used or expired', () => {
    expect(refusalAfter([created()], accept())).toEqual(
      refused('invitation_invalid', 'This invitation link is not valid.'),
    );
    expect(refusalAfter(activeUserEvents(), accept({ tokenHash: HASH_1 }))).toEqual(
      refused('invitation_used', 'This invitation was already accepted.'),
    );
    expect(refusalAfter([created(), sent], accept({ now: IN_7_DAYS }))).toEqual(
      refused('invitation_expired', 'This invitation has expired.'),
    );
  });

  it('accepts up to the last millisecond before the expiry', () => {
    expect(given(created(), sent).when(accept({ now: '2026-03-17T11:59:59.999Z' }))).toMatchObject({
      events: [{ type: 'InvitationAccepted' }, { type: 'PortalUserPasswordSet' }],
    });
  });
});
