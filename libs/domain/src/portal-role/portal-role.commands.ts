import type { PortalRoleFields, PortalRoleScopes } from './portal-role.events';

export interface CreatePortalRole {
  roleId: string;
  name: string;
  scopes?: PortalRoleScopes;
  fields?: PortalRoleFields;
}

/** The PATCH: absent parts stay; a given `scopes` or `fields` replaces the old one whole. */
export interface UpdatePortalRole {
  roleId: string;
  name?: string;
  scopes?: PortalRoleScopes;
  fields?: PortalRoleFields;
}

export interface DeletePortalRole {
  roleId: string;
}
