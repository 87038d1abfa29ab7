import { fold } from '../shared/decider';
import type { PortalUserCommand } from './portal-user.commands';
import { decidePortalUser } from './portal-user.decide';
import { PORTAL_USER_EVENT_TYPES, type PortalUserEvent } from './portal-user.events';
import { evolvePortalUser } from './portal-user.evolve';
import { initialPortalUserState } from './portal-user.state';
import { portalUserStatus } from './portal-user.status';
import { portalUserStream } from './portal-user.stream';
import {
  CONTACT_ID,
  HASH_1,
  HASH_2,
  PORTAL_A,
  PORTAL_B,
  STAFF_DOMAINS,
  USER_ID,
} from './testing/portal-user.scenario';

/** Runs commands one after the other, appending what each decides, as the command handler does. */
function run(commands: PortalUserCommand[]): PortalUserEvent[] {
  const history: PortalUserEvent[] = [];
  for (const command of commands) {
    history.push(...decidePortalUser(command, fold(evolvePortalUser, initialPortalUserState, history)));
  }
  return history;
}

const stateOf = (events: PortalUserEvent[]) => fold(evolvePortalUser, initialPortalUserState, events);

describe('decidePortalUser: a portal user from invitation to logout', () => {
  const t0 = '2026-03-10T12:00:00.000Z';
  const t1 = '2026-03-11T09:00:00.000Z';
  // Run inside each test, not while the spec loads: mutation testing attributes the code to the tests.
  const history = () =>
    run([
      {
        type: 'CreatePortalUser',
        portalUserId: USER_ID,
        source: {
          kind: 'contact',
          contact: {
            contactId: CONTACT_ID,
            email: 'Jane@Customer.org',
            firstName: 'Jane',
            lastName: 'Doe',
            accountIds: ['acc-1'],
            deleted: false,
          },
        },
        portalIds: [PORTAL_A],
        roleIds: [],
        staffEmailDomains: STAFF_DOMAINS,
      },
      {
        type: 'SendInvitation',
        invitationId: 'inv-1',
        portalId: PORTAL_A,
        tokenHash: HASH_1,
        now: t0,
        staffEmailDomains: STAFF_DOMAINS,
        contactDeleted: false,
      },
      { type: 'AcceptInvitation', portalId: PORTAL_A, tokenHash: HASH_1, now: t1 },
      {
        type: 'LogIn',
        portalId: PORTAL_A,
        passwordOk: true,
        sessionId: 's-1',
        ip: '203.0.113.7',
        userAgent: 'ua',
        now: t1,
      },
      { type: 'AssignPortalUserRole', roleId: 'role-1' },
      { type: 'AssignPortalUserRole', roleId: 'role-1' },
      { type: 'TransferPortalUser', fromPortalId: PORTAL_A, toPortalId: PORTAL_B },
      { type: 'RequestPasswordReset', resetId: 'r-1', portalId: PORTAL_B, tokenHash: HASH_2, now: t1 },
      { type: 'ResetPassword', portalId: PORTAL_B, tokenHash: HASH_2, now: t1 },
      { type: 'LogOut', portalId: PORTAL_A, sessionId: 's-1', reason: 'idle_timeout', now: t1 },
    ]);

  it('appends the expected events in order', () => {
    expect(history().map((e) => e.type)).toEqual([
      'PortalUserCreated',
      'InvitationSent',
      'InvitationAccepted',
      'PortalUserPasswordSet',
      'PortalUserLoggedIn',
      'RoleAssigned',
      'PortalUserTransferred',
      'PasswordResetRequested',
      'PasswordReset',
      'PortalUserPasswordSet',
      'PortalUserLoggedOut',
    ]);
  });

  it('ends with an active user in the new portal', () => {
    const state = stateOf(history());
    expect(portalUserStatus(state)).toBe('active');
    expect(state.portalIds).toEqual([PORTAL_B]);
    expect(state.roleIds).toEqual(['role-1']);
    expect(state.lastLoginAt).toBe(t1);
  });

  it('only emits types listed in PORTAL_USER_EVENT_TYPES', () => {
    for (const event of history()) expect(PORTAL_USER_EVENT_TYPES).toContain(event.type);
  });

  it('keeps event data plain JSON', () => {
    const events = history();
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});

describe('portal user streams', () => {
  it('names the aggregate stream', () => {
    expect(portalUserStream(USER_ID)).toBe(`portalUser-${USER_ID}`);
  });
});
