import type { FieldPermission, ScopePermissions } from '@portal/acl';
import type { DomainEvent } from '../shared/decider';

/** Per entity type, what the role grants (a missing action means `no`). */
export type PortalRoleScopes = Record<string, ScopePermissions>;
/** Per entity type, then per field, what the role restricts (a missing `read`/`edit` means `yes`). */
export type PortalRoleFields = Record<string, Record<string, FieldPermission>>;

export interface PortalRoleChange<T> {
  from: T;
  to: T;
}

export type PortalRoleCreated = DomainEvent<
  'PortalRoleCreated',
  { roleId: string; name: string; scopes: PortalRoleScopes; fields: PortalRoleFields }
>;
/** Holds only the parts that changed; `scopes` and `fields` are replaced whole. */
export type PortalRoleChanged = DomainEvent<
  'PortalRoleChanged',
  {
    roleId: string;
    changes: {
      name?: PortalRoleChange<string>;
      scopes?: PortalRoleChange<PortalRoleScopes>;
      fields?: PortalRoleChange<PortalRoleFields>;
    };
  }
>;
export type PortalRoleDeleted = DomainEvent<'PortalRoleDeleted', { roleId: string }>;

export type PortalRoleEvent = PortalRoleCreated | PortalRoleChanged | PortalRoleDeleted;

export const PORTAL_ROLE_EVENT_TYPES = [
  'PortalRoleCreated',
  'PortalRoleChanged',
  'PortalRoleDeleted',
] as const;
