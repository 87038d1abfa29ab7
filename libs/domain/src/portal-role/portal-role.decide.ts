import { jsonEqual } from '../shared/json-equality';
import { DomainError } from '../shared/domain-error';
import type { CreatePortalRole, DeletePortalRole, UpdatePortalRole } from './portal-role.commands';
import type { PortalRoleChanged, PortalRoleEvent } from './portal-role.events';
import type { PortalRoleState } from './portal-role.state';
import { validPortalRoleFields, validPortalRoleName, validPortalRoleScopes } from './portal-role.validation';

function assertLive(state: PortalRoleState): void {
  if (!state.exists) throw new DomainError('role_not_found', 'Portal role not found', 'not-found');
  // A deleted role is gone for clients, hence not-found (404) rather than a conflict.
  if (state.deleted) throw new DomainError('role_deleted', 'This portal role was deleted', 'not-found');
}

export function decideCreatePortalRole(command: CreatePortalRole, state: PortalRoleState): PortalRoleEvent[] {
  if (state.exists) throw new DomainError('role_exists', 'Portal role already exists', 'conflict');
  return [
    {
      type: 'PortalRoleCreated',
      data: {
        roleId: command.roleId,
        name: validPortalRoleName(command.name),
        scopes: validPortalRoleScopes(command.scopes ?? {}),
        fields: validPortalRoleFields(command.fields ?? {}),
      },
    },
  ];
}

/** Emits one PortalRoleChanged holding only what differs, or nothing when nothing does. */
export function decideUpdatePortalRole(command: UpdatePortalRole, state: PortalRoleState): PortalRoleEvent[] {
  assertLive(state);
  const changes: PortalRoleChanged['data']['changes'] = {};
  if (command.name !== undefined) {
    const name = validPortalRoleName(command.name);
    if (name !== state.name) changes.name = { from: state.name, to: name };
  }
  if (command.scopes !== undefined) {
    const scopes = validPortalRoleScopes(command.scopes);
    if (!jsonEqual(scopes, state.scopes)) changes.scopes = { from: state.scopes, to: scopes };
  }
  if (command.fields !== undefined) {
    const fields = validPortalRoleFields(command.fields);
    if (!jsonEqual(fields, state.fields)) changes.fields = { from: state.fields, to: fields };
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'PortalRoleChanged', data: { roleId: command.roleId, changes } }];
}

/** Deleting twice is a no-op, so a retried DELETE succeeds. */
export function decideDeletePortalRole(command: DeletePortalRole, state: PortalRoleState): PortalRoleEvent[] {
  if (!state.exists) throw new DomainError('role_not_found', 'Portal role not found', 'not-found');
  if (state.deleted) return [];
  return [{ type: 'PortalRoleDeleted', data: { roleId: command.roleId } }];
}
