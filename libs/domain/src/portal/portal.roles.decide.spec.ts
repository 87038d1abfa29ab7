import type { PortalEvent } from './portal.events';
import { decideAssignRoleToPortal, decideUnassignRoleFromPortal } from './portal.roles.decide';
import { createdWith, given, portalId, refusal } from './testing/portal.scenario';

const assigned = (roleId: string): PortalEvent => ({
  type: 'RoleAssigned',
  data: { target: 'portal', portalId, roleId },
});

describe('decideAssignRoleToPortal', () => {
  it('assigns a role (the contract’s RoleAssigned event, aimed at the portal)', () => {
    expect(decideAssignRoleToPortal({ portalId, roleId: 'r-1' }, given([createdWith(null)]))).toEqual([
      assigned('r-1'),
    ]);
  });

  it('is a no-op for a role already assigned, at creation or later', () => {
    expect(
      decideAssignRoleToPortal({ portalId, roleId: 'r-1' }, given([createdWith(null, { roleIds: ['r-1'] })])),
    ).toEqual([]);
    expect(
      decideAssignRoleToPortal({ portalId, roleId: 'r-2' }, given([createdWith(null), assigned('r-2')])),
    ).toEqual([]);
  });

  it('refuses an empty role id with invalid_role_id', () => {
    expect(
      refusal(() => decideAssignRoleToPortal({ portalId, roleId: ' ' }, given([createdWith(null)]))).code,
    ).toBe('invalid_role_id');
  });

  it('refuses a portal never created with portal_not_found', () => {
    const error = refusal(() => decideAssignRoleToPortal({ portalId, roleId: 'r-1' }, given([])));
    expect([error.code, error.kind]).toEqual(['portal_not_found', 'not-found']);
  });
});

describe('decideUnassignRoleFromPortal', () => {
  it('unassigns an assigned role', () => {
    expect(
      decideUnassignRoleFromPortal(
        { portalId, roleId: 'r-1' },
        given([createdWith(null, { roleIds: ['r-1'] })]),
      ),
    ).toEqual([{ type: 'RoleUnassigned', data: { target: 'portal', portalId, roleId: 'r-1' } }]);
  });

  it('is a no-op for a role not assigned', () => {
    expect(decideUnassignRoleFromPortal({ portalId, roleId: 'r-9' }, given([createdWith(null)]))).toEqual([]);
  });

  it('refuses a portal never created with portal_not_found', () => {
    expect(refusal(() => decideUnassignRoleFromPortal({ portalId, roleId: 'r-1' }, given([]))).code).toBe(
      'portal_not_found',
    );
  });
});
