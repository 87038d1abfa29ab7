import type { AccessLevel, CreateLevel, YesNo } from './levels';

/** What one role grants on one entity type; a missing action means `no`. */
export interface ScopePermissions {
  create?: CreateLevel;
  read?: AccessLevel;
  edit?: AccessLevel;
  delete?: AccessLevel;
  stream?: AccessLevel;
  share?: AccessLevel;
}

/** What one role says about one field; a missing `read` or `edit` means `yes` (fields are open unless restricted). */
export interface FieldPermission {
  read?: YesNo;
  edit?: YesNo;
}

export interface RoleDefinition {
  id: string;
  name: string;
  /** Keyed by entity type. */
  scopes: Record<string, ScopePermissions>;
  /** Keyed by entity type, then field name. */
  fields: Record<string, Record<string, FieldPermission>>;
}

/** A role as named in explanations. */
export interface RoleRef {
  id: string;
  name: string;
}
