import type { PortalRoleFields, PortalRoleScopes } from './portal-role.events';

export interface PortalRoleState {
  /** False until PortalRoleCreated; stays true after deletion (a deleted role's id is never reused). */
  exists: boolean;
  deleted: boolean;
  id: string | null;
  name: string;
  scopes: PortalRoleScopes;
  fields: PortalRoleFields;
}

export const initialPortalRoleState: PortalRoleState = {
  exists: false,
  deleted: false,
  id: null,
  name: '',
  scopes: {},
  fields: {},
};
