import type { PortalUserEvent } from './portal-user.events';
import { evolvePortalUser } from './portal-user.evolve';
import { initialPortalUserState } from './portal-user.state';
import {
  HASH_1,
  HASH_2,
  PORTAL_A,
  PORTAL_B,
  ROLE_ID,
  USER_ID,
  created,
  stateAfter,
} from './testing/portal-user.scenario';

const inviteA = {
  type: 'InvitationSent',
  data: {
    invitationId: 'inv-a',
    portalId: PORTAL_A,
    tokenHash: HASH_1,
    expiresAt: '2026-03-17T00:00:00.000Z',
    resend: false,
  },
} as const;
const resetA = {
  type: 'PasswordResetRequested',
  data: { resetId: 'r-1', portalId: PORTAL_A, tokenHash: HASH_2, expiresAt: '2026-03-10T13:00:00.000Z' },
} as const;

describe('evolvePortalUser', () => {
  it('starts from a user that does not exist', () => {
    expect(initialPortalUserState.exists).toBe(false);
  });

  it('creates the user from PortalUserCreated', () => {
    expect(stateAfter(created())).toMatchObject({
      exists: true,
      id: USER_ID,
      email: 'jane@customer.org',
      portalIds: [PORTAL_A],
      hasPassword: false,
      deactivated: false,
    });
  });

  it('creates the user with the roles it was created with', () => {
    expect(stateAfter(created({ roleIds: [ROLE_ID] })).roleIds).toEqual([ROLE_ID]);
  });

  it('leaves the state as it was for an acceptance or expiry of an invitation it no longer holds', () => {
    // Leaving the portal voided the invitation; an expiry swept afterwards (or an acceptance that
    // raced it) names an invitation the state has not got.
    const left = stateAfter(created(), inviteA, {
      type: 'PortalUserRemovedFromPortal',
      data: { portalId: PORTAL_A },
    });
    for (const type of ['InvitationAccepted', 'InvitationExpired'] as const)
      expect(
        evolvePortalUser(left, {
          type,
          data: { invitationId: 'inv-a', portalId: PORTAL_A },
        } as PortalUserEvent),
      ).toBe(left);
  });

  it('tracks portals and roles as sets', () => {
    const state = stateAfter(
      created(),
      { type: 'PortalUserAddedToPortal', data: { portalId: PORTAL_B } },
      { type: 'PortalUserAddedToPortal', data: { portalId: PORTAL_B } },
      { type: 'RoleAssigned', data: { target: 'portalUser', portalUserId: USER_ID, roleId: ROLE_ID } },
      { type: 'RoleAssigned', data: { target: 'portalUser', portalUserId: USER_ID, roleId: ROLE_ID } },
    );
    expect(state.portalIds).toEqual([PORTAL_A, PORTAL_B]);
    expect(state.roleIds).toEqual([ROLE_ID]);
    const after = stateAfter(
      created({ portalIds: [PORTAL_A, PORTAL_B], roleIds: [ROLE_ID] }),
      { type: 'RoleUnassigned', data: { target: 'portalUser', portalUserId: USER_ID, roleId: ROLE_ID } },
      { type: 'PortalUserRemovedFromPortal', data: { portalId: PORTAL_A } },
    );
    expect(after.roleIds).toEqual([]);
    expect(after.portalIds).toEqual([PORTAL_B]);
  });

  it('voids the invitation and reset link of a portal the user leaves', () => {
    const removed = stateAfter(created(), inviteA, resetA, {
      type: 'PortalUserRemovedFromPortal',
      data: { portalId: PORTAL_A },
    });
    expect(removed.invitations).toEqual({});
    expect(removed.passwordReset).toBeNull();
    const moved = stateAfter(created(), inviteA, resetA, {
      type: 'PortalUserTransferred',
      data: { fromPortalId: PORTAL_A, toPortalId: PORTAL_B },
    });
    expect(moved.portalIds).toEqual([PORTAL_B]);
    expect(moved.invitations).toEqual({});
    expect(moved.passwordReset).toBeNull();
  });

  it('keeps links of other portals when leaving one', () => {
    const state = stateAfter(created({ portalIds: [PORTAL_A, PORTAL_B] }), inviteA, resetA, {
      type: 'PortalUserRemovedFromPortal',
      data: { portalId: PORTAL_B },
    });
    expect(Object.keys(state.invitations)).toEqual([PORTAL_A]);
    expect(state.passwordReset?.resetId).toBe('r-1');
  });

  it('ignores accept/expire events for an invitation that was superseded', () => {
    const state = stateAfter(created(), inviteA, {
      type: 'InvitationAccepted',
      data: { invitationId: 'old', portalId: PORTAL_A },
    });
    expect(state.invitations[PORTAL_A]?.status).toBe('pending');
  });

  it('remembers the last login and ignores failures and logouts', () => {
    const at = '2026-03-10T12:00:00.000Z';
    const state = stateAfter(
      created(),
      {
        type: 'PortalUserLoggedIn',
        data: { portalId: PORTAL_A, sessionId: 's', ip: 'i', userAgent: 'u', at },
      },
      {
        type: 'PortalUserLoginFailed',
        data: { portalId: PORTAL_A, reason: 'bad_password', ip: 'i', userAgent: 'u', at: 'later' },
      },
      {
        type: 'PortalUserLoggedOut',
        data: { portalId: PORTAL_A, sessionId: 's', reason: 'logout', at: 'later' },
      },
    );
    expect(state.lastLoginAt).toBe(at);
  });

  it('marks an invitation expired, and ignores the expiry of a superseded one', () => {
    const expire = (invitationId: string) =>
      ({ type: 'InvitationExpired', data: { invitationId, portalId: PORTAL_A } }) as const;
    expect(stateAfter(created(), inviteA, expire('inv-a')).invitations[PORTAL_A]?.status).toBe('expired');
    expect(stateAfter(created(), inviteA, expire('old')).invitations[PORTAL_A]?.status).toBe('pending');
  });

  it('uses a reset link only for its own reset id', () => {
    const reset = (resetId: string) => ({ type: 'PasswordReset', data: { resetId } }) as const;
    expect(stateAfter(created(), resetA, reset('r-1')).passwordReset).toEqual({ ...resetA.data, used: true });
    expect(stateAfter(created(), resetA, reset('r-0')).passwordReset).toEqual({
      ...resetA.data,
      used: false,
    });
    expect(stateAfter(created(), reset('r-1')).passwordReset).toBeNull();
  });

  it('keeps only accepted invitations and drops the pending change and reset once the email changed', () => {
    const inviteB = { ...inviteA, data: { ...inviteA.data, invitationId: 'inv-b', portalId: PORTAL_B } };
    const state = stateAfter(
      created({ portalIds: [PORTAL_A, PORTAL_B] }),
      inviteA,
      inviteB,
      { type: 'InvitationAccepted', data: { invitationId: 'inv-a', portalId: PORTAL_A } },
      resetA,
      {
        type: 'EmailChangeRequested',
        data: { newEmail: 'x@customer.org', tokenHash: HASH_1, expiresAt: '2026-03-17T00:00:00.000Z' },
      },
      { type: 'EmailChangeConfirmed', data: { newEmail: 'new@customer.org' } },
    );
    expect(state).toMatchObject({ email: 'new@customer.org', pendingEmailChange: null, passwordReset: null });
    expect(state.invitations).toEqual({
      [PORTAL_A]: {
        invitationId: 'inv-a',
        portalId: PORTAL_A,
        tokenHash: HASH_1,
        expiresAt: inviteA.data.expiresAt,
        status: 'accepted',
      },
    });
  });

  it('withdraws only the consent version held', () => {
    const gave = { type: 'ConsentGiven', data: { portalId: PORTAL_A, version: 'v2' } } as const;
    const withdrew = (version: string) =>
      ({ type: 'ConsentWithdrawn', data: { portalId: PORTAL_A, version } }) as const;
    expect(stateAfter(created(), gave, withdrew('v1')).consents).toEqual({ [PORTAL_A]: 'v2' });
    expect(stateAfter(created(), gave, withdrew('v2')).consents).toEqual({});
  });

  it('applies only the profile fields an update names, the legacy on/off switch as all or none', () => {
    const update = (changes: object) =>
      ({ type: 'PortalUserProfileUpdated', data: { changes } }) as PortalUserEvent;
    const before = stateAfter(created());
    const state = stateAfter(
      created(),
      update({ phone: { from: null, to: '+1 555' }, language: { from: null, to: 'de' } }),
      update({ notifyOnCaseUpdates: { from: true, to: false } }),
    );
    expect([state.firstName, state.lastName, state.phone]).toEqual([
      before.firstName,
      before.lastName,
      '+1 555',
    ]);
    expect(state.preferences).toEqual({
      language: 'de',
      notifyOnCaseUpdates: false,
      caseNotifications: 'none',
    });
    const back = stateAfter(
      created(),
      update({ notifyOnCaseUpdates: { from: true, to: false } }),
      update({ firstName: { from: 'Jane', to: 'Janet' }, lastName: { from: 'Doe', to: 'Roe' } }),
      update({ notifyOnCaseUpdates: { from: false, to: true } }),
    );
    expect([back.firstName, back.lastName]).toEqual(['Janet', 'Roe']);
    expect(back.preferences).toEqual({ language: null, notifyOnCaseUpdates: true, caseNotifications: 'all' });
    const own = stateAfter(created(), update({ caseNotifications: { from: 'all', to: 'own' } }));
    expect(own.preferences).toEqual({ language: null, notifyOnCaseUpdates: true, caseNotifications: 'own' });
  });

  it('leaves the state alone for an event type it does not know', () => {
    const state = stateAfter(created());
    const unknown = { type: 'SomethingNew', data: {} } as unknown as PortalUserEvent;
    expect(evolvePortalUser(state, unknown)).toBe(state);
  });

  it('does not mutate the state it is given', () => {
    const state = stateAfter(created());
    const snapshot = JSON.stringify(state);
    evolvePortalUser(state, { type: 'PortalUserAddedToPortal', data: { portalId: PORTAL_B } });
    evolvePortalUser(state, inviteA);
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});
