import {
  type AccessLevel,
  type CreateLevel,
  type RecordAction,
  type YesNo,
  RECORD_ACTIONS,
  isAccessLevel,
  levelRank,
} from './levels';
import { ownEntry, setEntry } from './own-entry';
import type { RoleDefinition, RoleRef } from './portal-role';

/** A merged level and the roles that grant it (none when the level is `no`). */
export interface Grant<L extends string> {
  level: L;
  grantedBy: RoleRef[];
}

export interface EffectiveScope {
  create: Grant<CreateLevel>;
  read: Grant<AccessLevel>;
  edit: Grant<AccessLevel>;
  delete: Grant<AccessLevel>;
  stream: Grant<AccessLevel>;
  share: Grant<AccessLevel>;
}

export interface EffectiveField {
  read: YesNo;
  /** Never `yes` where `read` is `no`. */
  edit: YesNo;
}

/**
 * The permissions of a set of roles merged into one. Plain JSON, so it can be cached or returned
 * as a portal user's `permissions`.
 */
export interface EffectivePermissions {
  roles: RoleRef[];
  /** Entity types no role mentions are absent: every action is `no`. */
  scopes: Record<string, EffectiveScope>;
  /**
   * Per readable (or, failing that, creatable) entity type, the fields some role restricts. A
   * field absent here is readable and editable (as far as roles go) when its type is readable,
   * and neither when it is not; on a type created without read it may be given a value.
   */
  fields: Record<string, Record<string, EffectiveField>>;
}

const NO_GRANT = { level: 'no', grantedBy: [] } as const;

function emptyScope(): EffectiveScope {
  return {
    create: { ...NO_GRANT, grantedBy: [] },
    read: { ...NO_GRANT, grantedBy: [] },
    edit: { ...NO_GRANT, grantedBy: [] },
    delete: { ...NO_GRANT, grantedBy: [] },
    stream: { ...NO_GRANT, grantedBy: [] },
    share: { ...NO_GRANT, grantedBy: [] },
  };
}

function refOf(role: RoleDefinition): RoleRef {
  return { id: role.id, name: role.name };
}

/** Unknown values (bad data) count as `no`: a typo must never open anything. */
function levelOf(value: unknown): AccessLevel {
  return isAccessLevel(value) ? value : 'no';
}

/** Missing means `yes` (fields are open unless restricted); anything but `yes` restricts. */
function fieldAllows(value: unknown): boolean {
  return value === undefined || value === 'yes';
}

function uniqueRoles(roles: RoleDefinition[]): RoleDefinition[] {
  const seen = new Set<string>();
  return roles.filter((role) => (seen.has(role.id) ? false : (seen.add(role.id), true)));
}

function mergeScope(roles: RoleDefinition[], entityType: string): EffectiveScope {
  const scope = emptyScope();
  for (const role of roles) {
    // A role without the type grants nothing: every ownEntry below reads undefined from it.
    const granted = ownEntry(role.scopes, entityType);
    if (ownEntry(granted as Record<string, unknown>, 'create') === 'yes') {
      scope.create.level = 'yes';
      scope.create.grantedBy.push(refOf(role));
    }
    for (const action of RECORD_ACTIONS) {
      const level = levelOf(ownEntry(granted as Record<string, unknown>, action));
      if (level === 'no') continue;
      const current = scope[action as RecordAction];
      const cmp = levelRank(level) - levelRank(current.level);
      if (cmp > 0) scope[action] = { level, grantedBy: [refOf(role)] };
      else if (cmp === 0) current.grantedBy.push(refOf(role));
    }
  }
  return scope;
}

/**
 * Field votes: only roles that can read the entity type vote on its fields, so a role about
 * something else cannot re-open a field another role hid. A voter that does not mention a field
 * votes `yes` for it; per field, `yes` wins. A role's `edit: yes` counts only where it lets the
 * field be read.
 */
function mergeFields(voters: RoleDefinition[], entityType: string): Record<string, EffectiveField> {
  const mentioned = new Set<string>();
  for (const role of voters) {
    for (const field of Object.keys(ownEntry(role.fields, entityType) ?? {})) mentioned.add(field);
  }
  const merged: Record<string, EffectiveField> = {};
  for (const field of mentioned) {
    let read = false;
    let edit = false;
    for (const role of voters) {
      // A role that does not mention the field (perm undefined) reads undefined for both: `yes`.
      const perm = ownEntry(ownEntry(role.fields, entityType), field) as Record<string, unknown> | undefined;
      const roleRead = fieldAllows(ownEntry(perm, 'read'));
      const roleEdit = roleRead && fieldAllows(ownEntry(perm, 'edit'));
      read ||= roleRead;
      edit ||= roleEdit;
    }
    setEntry(merged, field, { read: read ? 'yes' : 'no', edit: edit ? 'yes' : 'no' });
  }
  return merged;
}

/** Merges the portal's roles and the user's own roles: per action the widest level wins. */
export function mergeRoles(roles: RoleDefinition[]): EffectivePermissions {
  const distinct = uniqueRoles(roles);
  const entityTypes = new Set<string>();
  for (const role of distinct)
    for (const entityType of Object.keys(role.scopes ?? {})) entityTypes.add(entityType);

  const scopes: Record<string, EffectiveScope> = {};
  const fields: Record<string, Record<string, EffectiveField>> = {};
  for (const entityType of entityTypes) {
    const scope = mergeScope(distinct, entityType);
    setEntry(scopes, entityType, scope);
    // Roles that read the type vote on its fields; on a type created without read (EspoCRM lets a
    // role file records it cannot see), the roles that create it say which fields a new one takes.
    // Stryker disable next-line StringLiteral: only 'read' and undefined are compared; any other value means create.
    const voting = scope.read.level !== 'no' ? 'read' : scope.create.level !== 'no' ? 'create' : undefined;
    if (voting === undefined) continue;
    const voters = distinct.filter((role) => {
      const granted = ownEntry(role.scopes, entityType) as Record<string, unknown> | undefined;
      return voting === 'read'
        ? levelOf(ownEntry(granted, 'read')) !== 'no'
        : ownEntry(granted, 'create') === 'yes';
    });
    setEntry(fields, entityType, mergeFields(voters, entityType));
  }
  return { roles: distinct.map(refOf), scopes, fields };
}

/** The merged scope of an entity type; all `no` when no role mentions it. */
export function scopeOf(perms: EffectivePermissions, entityType: string): EffectiveScope {
  return ownEntry(perms.scopes, entityType) ?? emptyScope();
}
