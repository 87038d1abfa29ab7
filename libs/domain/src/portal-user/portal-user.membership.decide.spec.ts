import {
  PORTAL_A,
  PORTAL_B,
  ROLE_ID,
  USER_ID,
  created,
  given,
  refusalAfter,
} from './testing/portal-user.scenario';

describe('AddPortalUserToPortal', () => {
  it('adds the user to a portal', () => {
    expect(given(created()).when({ type: 'AddPortalUserToPortal', portalId: PORTAL_B })).toEqual({
      events: [{ type: 'PortalUserAddedToPortal', data: { portalId: PORTAL_B } }],
    });
  });

  it('is a no-op for a portal the user is in', () => {
    expect(given(created()).when({ type: 'AddPortalUserToPortal', portalId: PORTAL_A })).toEqual({
      events: [],
    });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'AddPortalUserToPortal', portalId: PORTAL_A })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});

describe('RemovePortalUserFromPortal', () => {
  it('removes the user from a portal', () => {
    expect(given(created()).when({ type: 'RemovePortalUserFromPortal', portalId: PORTAL_A })).toEqual({
      events: [{ type: 'PortalUserRemovedFromPortal', data: { portalId: PORTAL_A } }],
    });
  });

  it('refuses a portal the user is not in (404)', () => {
    expect(given(created()).when({ type: 'RemovePortalUserFromPortal', portalId: PORTAL_B })).toMatchObject({
      refused: { code: 'not_in_portal', kind: 'not-found' },
    });
  });
});

describe('TransferPortalUser', () => {
  const transfer = (fromPortalId: string, toPortalId: string) =>
    ({ type: 'TransferPortalUser', fromPortalId, toPortalId }) as const;

  it('moves the user from one portal to another', () => {
    expect(given(created()).when(transfer(PORTAL_A, PORTAL_B))).toEqual({
      events: [{ type: 'PortalUserTransferred', data: { fromPortalId: PORTAL_A, toPortalId: PORTAL_B } }],
    });
  });

  it('refuses when the user is not in the source portal', () => {
    expect(given(created({ portalIds: [] })).when(transfer(PORTAL_A, PORTAL_B))).toMatchObject({
      refused: { code: 'not_in_portal', kind: 'invalid' },
    });
  });

  it('refuses when the user is already in the target portal', () => {
    expect(
      given(created({ portalIds: [PORTAL_A, PORTAL_B] })).when(transfer(PORTAL_A, PORTAL_B)),
    ).toMatchObject({
      refused: { code: 'already_in_portal', kind: 'conflict' },
    });
  });

  it('refuses a transfer to the same portal', () => {
    expect(given(created()).when(transfer(PORTAL_A, PORTAL_A))).toMatchObject({
      refused: { code: 'same_portal' },
    });
  });
});

describe('AssignPortalUserRole / UnassignPortalUserRole', () => {
  const assigned = {
    type: 'RoleAssigned',
    data: { target: 'portalUser', portalUserId: USER_ID, roleId: ROLE_ID },
  } as const;

  it('assigns a role with the contract event RoleAssigned (target portalUser)', () => {
    expect(given(created()).when({ type: 'AssignPortalUserRole', roleId: ROLE_ID })).toEqual({
      events: [assigned],
    });
  });

  it('is a no-op to assign an assigned role', () => {
    expect(given(created(), assigned).when({ type: 'AssignPortalUserRole', roleId: ROLE_ID })).toEqual({
      events: [],
    });
  });

  it('unassigns an assigned role with RoleUnassigned', () => {
    expect(given(created(), assigned).when({ type: 'UnassignPortalUserRole', roleId: ROLE_ID })).toEqual({
      events: [
        { type: 'RoleUnassigned', data: { target: 'portalUser', portalUserId: USER_ID, roleId: ROLE_ID } },
      ],
    });
  });

  it('is a no-op to unassign a role the user does not have', () => {
    expect(given(created()).when({ type: 'UnassignPortalUserRole', roleId: ROLE_ID })).toEqual({
      events: [],
    });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'AssignPortalUserRole', roleId: ROLE_ID })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});

describe('TransferPortalUser: what each refusal tells', () => {
  const transfer = (fromPortalId: string, toPortalId: string) =>
    ({ type: 'TransferPortalUser', fromPortalId, toPortalId }) as const;

  it('tells that the portals must differ, and that the user is in the target already', () => {
    expect(refusalAfter([created()], transfer(PORTAL_A, PORTAL_A))).toEqual({
      code: 'same_portal',
      kind: 'invalid',
      message: 'Transfer needs two different portals.',
      errors: [{ path: 'toPortalId', message: 'must differ from fromPortalId' }],
    });
    expect(
      refusalAfter([created({ portalIds: [PORTAL_A, PORTAL_B] })], transfer(PORTAL_A, PORTAL_B)),
    ).toEqual({
      code: 'already_in_portal',
      kind: 'conflict',
      message: 'The portal user is already in the target portal.',
      errors: [],
    });
  });
});
