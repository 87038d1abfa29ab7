import type { AssignRoleToPortal, UnassignRoleFromPortal } from './portal.commands';
import type { PortalEvent } from './portal.events';
import { assertPortalExists } from './portal.preconditions';
import type { PortalState } from './portal.state';
import { validPortalRoleIds } from './portal.validation';

/** The API checks that the role exists and is not deleted; assigning it twice is a no-op. */
export function decideAssignRoleToPortal(command: AssignRoleToPortal, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  // Refuses an empty id; a valid one comes back as it is, so the command's id is the one assigned.
  validPortalRoleIds([command.roleId]);
  if (state.roleIds.includes(command.roleId)) return [];
  return [
    { type: 'RoleAssigned', data: { target: 'portal', portalId: command.portalId, roleId: command.roleId } },
  ];
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
