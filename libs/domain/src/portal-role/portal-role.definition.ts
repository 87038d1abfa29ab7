import type { RoleDefinition } from '@portal/acl';
import type { PortalRoleState } from './portal-role.state';

/** The role as the ACL reads it; null for a role that does not exist or was deleted (it grants nothing). */
export function toRoleDefinition(state: PortalRoleState): RoleDefinition | null {
  if (!state.exists || state.deleted || state.id === null) return null;
  return { id: state.id, name: state.name, scopes: state.scopes, fields: state.fields };
}
