import { DomainError } from '../shared/domain-error';
import type {
  AddPortalUserToPortal,
  AssignPortalUserRole,
  RemovePortalUserFromPortal,
  TransferPortalUser,
  UnassignPortalUserRole,
} from './portal-user.commands';
import type {
  PortalUserAddedToPortal,
  PortalUserRemovedFromPortal,
  PortalUserRoleAssigned,
  PortalUserRoleUnassigned,
  PortalUserTransferred,
} from './portal-user.events';
import { assertInPortal, assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

// The portal's seat limit (maxUsers) is the Portal aggregate's rule: the handler checks it there.
export function decideAddPortalUserToPortal(
  command: AddPortalUserToPortal,
  state: PortalUserState,
): PortalUserAddedToPortal[] {
  assertPortalUserExists(state);
  if (state.portalIds.includes(command.portalId)) return [];
  return [{ type: 'PortalUserAddedToPortal', data: { portalId: command.portalId } }];
}

export function decideRemovePortalUserFromPortal(
  command: RemovePortalUserFromPortal,
  state: PortalUserState,
): PortalUserRemovedFromPortal[] {
  assertPortalUserExists(state);
  assertInPortal(state, command.portalId, 'not-found');
  return [{ type: 'PortalUserRemovedFromPortal', data: { portalId: command.portalId } }];
}

export function decideTransferPortalUser(
  command: TransferPortalUser,
  state: PortalUserState,
): PortalUserTransferred[] {
  assertPortalUserExists(state);
  const { fromPortalId, toPortalId } = command;
  if (fromPortalId === toPortalId) {
    throw new DomainError('same_portal', 'Transfer needs two different portals.', 'invalid', [
      { path: 'toPortalId', message: 'must differ from fromPortalId' },
    ]);
  }
  assertInPortal(state, fromPortalId);
  if (state.portalIds.includes(toPortalId)) {
    throw new DomainError(
      'already_in_portal',
      'The portal user is already in the target portal.',
      'conflict',
    );
  }
  return [{ type: 'PortalUserTransferred', data: { fromPortalId, toPortalId } }];
}

export function decideAssignPortalUserRole(
  command: AssignPortalUserRole,
  state: PortalUserState,
): PortalUserRoleAssigned[] {
  assertPortalUserExists(state);
  if (state.roleIds.includes(command.roleId)) return [];
  return [
    { type: 'RoleAssigned', data: { target: 'portalUser', portalUserId: state.id, roleId: command.roleId } },
  ];
}

export function decideUnassignPortalUserRole(
  command: UnassignPortalUserRole,
  state: PortalUserState,
): PortalUserRoleUnassigned[] {
  assertPortalUserExists(state);
  if (!state.roleIds.includes(command.roleId)) return [];
  return [
    {
      type: 'RoleUnassigned',
      data: { target: 'portalUser', portalUserId: state.id, roleId: command.roleId },
    },
  ];
}
