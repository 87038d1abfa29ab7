import type { AssignRoleToPortal, UnassignRoleFromPortal } from './portal.commands';
import type { PortalEvent } from './portal.events';
import { assertPortalExists } from './portal.preconditions';
import type { PortalState } from './portal.state';
import { validPortalRoleIds } from './portal.validation';

/** The API checks that the role exists and is not deleted; assigning it twice is a no-op. */
export function decideAssignRoleToPortal(command: AssignRoleToPortal, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  const [roleId] = validPortalRoleIds([command.roleId]);
  if (roleId === undefined || state.roleIds.includes(roleId)) return [];
  return [{ type: 'RoleAssigned', data: { target: 'portal', portalId: command.portalId, roleId } }];
}

export function decideUnassignRoleFromPortal(
  command: UnassignRoleFromPortal,
  state: PortalState,
): PortalEvent[] {
  assertPortalExists(state);
  if (!state.roleIds.includes(command.roleId)) return [];
  return [
    {
      type: 'RoleUnassigned',
      data: { target: 'portal', portalId: command.portalId, roleId: command.roleId },
    },
  ];
}
