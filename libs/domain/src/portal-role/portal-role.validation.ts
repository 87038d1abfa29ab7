import {
  ACCESS_LEVELS,
  ACTIONS,
  RECORD_ACTIONS,
  isAccessLevel,
  isAction,
  isCreateLevel,
  isYesNo,
  YES_NO,
} from '@portal/acl';
import type { FieldPermission, ScopePermissions } from '@portal/acl';
import { DomainError } from '../shared/domain-error';
import type { PortalRoleFields, PortalRoleScopes } from './portal-role.events';
import type { PortalRoleErrorCode } from './portal-role.errors';

interface Issue {
  code: PortalRoleErrorCode;
  path: string;
  message: string;
}

// The same names the entity-type aggregate accepts; they also keep `__proto__` and the like out.
const ENTITY_TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
const FIELD_ACTIONS = ['read', 'edit'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function throwIfAny(issues: Issue[], message: string): void {
  const [first] = issues;
  if (first) {
    throw new DomainError(
      first.code,
      message,
      'invalid',
      issues.map(({ path, message: m }) => ({ path, message: m })),
    );
  }
}

export function validPortalRoleName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new DomainError('invalid_role_name', 'A role needs a name of 1 to 200 characters', 'invalid', [
      { path: 'name', message: 'must be 1 to 200 characters' },
    ]);
  }
  return trimmed;
}

function scopeIssues(scopes: unknown): Issue[] {
  if (!isPlainObject(scopes))
    return [{ code: 'invalid_scopes', path: 'scopes', message: 'must be an object' }];
  const issues: Issue[] = [];
  for (const [entityType, permissions] of Object.entries(scopes)) {
    const at = `scopes.${entityType}`;
    if (!ENTITY_TYPE_NAME.test(entityType)) {
      issues.push({ code: 'invalid_entity_type', path: at, message: 'is not an entity type name' });
      continue;
    }
    if (!isPlainObject(permissions)) {
      issues.push({ code: 'invalid_scopes', path: at, message: 'must be an object' });
      continue;
    }
    for (const [action, level] of Object.entries(permissions)) {
      if (level === undefined) continue;
      if (!isAction(action)) {
        issues.push({
          code: 'invalid_action',
          path: `${at}.${action}`,
          message: `must be one of ${ACTIONS.join(', ')}`,
        });
      } else if (action === 'create' ? !isCreateLevel(level) : !isAccessLevel(level)) {
        issues.push(
          action === 'create'
            ? { code: 'invalid_create_level', path: `${at}.create`, message: 'must be yes or no' }
            : {
                code: 'invalid_level',
                path: `${at}.${action}`,
                message: `must be one of ${ACCESS_LEVELS.join(', ')}`,
              },
        );
      }
    }
  }
  return issues;
}

function fieldIssues(fields: unknown): Issue[] {
  if (!isPlainObject(fields))
    return [{ code: 'invalid_fields', path: 'fields', message: 'must be an object' }];
  const issues: Issue[] = [];
  for (const [entityType, byField] of Object.entries(fields)) {
    const at = `fields.${entityType}`;
    if (!ENTITY_TYPE_NAME.test(entityType)) {
      issues.push({ code: 'invalid_entity_type', path: at, message: 'is not an entity type name' });
      continue;
    }
    if (!isPlainObject(byField)) {
      issues.push({ code: 'invalid_fields', path: at, message: 'must be an object' });
      continue;
    }
    for (const [field, permission] of Object.entries(byField)) {
      const fieldAt = `${at}.${field}`;
      if (!FIELD_NAME.test(field)) {
        issues.push({ code: 'invalid_field_name', path: fieldAt, message: 'is not a field name' });
        continue;
      }
      if (!isPlainObject(permission)) {
        issues.push({ code: 'invalid_fields', path: fieldAt, message: 'must be an object' });
        continue;
      }
      for (const [action, value] of Object.entries(permission)) {
        if (value === undefined) continue;
        if (!(FIELD_ACTIONS as readonly string[]).includes(action)) {
          issues.push({
            code: 'invalid_field_action',
            path: `${fieldAt}.${action}`,
            message: 'must be read or edit',
          });
        } else if (!isYesNo(value)) {
          issues.push({
            code: 'invalid_field_level',
            path: `${fieldAt}.${action}`,
            message: `must be one of ${YES_NO.join(', ')}`,
          });
        }
      }
    }
  }
  return issues;
}

// Copies only defined entries, so what is stored is plain JSON whatever the caller passed.
function copyScopes(scopes: PortalRoleScopes): PortalRoleScopes {
  const out: PortalRoleScopes = {};
  for (const [entityType, permissions] of Object.entries(scopes)) {
    const copy: ScopePermissions = {};
    if (permissions.create !== undefined) copy.create = permissions.create;
    for (const action of RECORD_ACTIONS) {
      const level = permissions[action];
      if (level !== undefined) copy[action] = level;
    }
    out[entityType] = copy;
  }
  return out;
}

function copyFields(fields: PortalRoleFields): PortalRoleFields {
  const out: PortalRoleFields = {};
  for (const [entityType, byField] of Object.entries(fields)) {
    const perType: Record<string, FieldPermission> = {};
    for (const [field, permission] of Object.entries(byField)) {
      const copy: FieldPermission = {};
      if (permission.read !== undefined) copy.read = permission.read;
      if (permission.edit !== undefined) copy.edit = permission.edit;
      perType[field] = copy;
    }
    out[entityType] = perType;
  }
  return out;
}

/** Checks every level, action and name; throws one DomainError listing all problems (code of the first). */
export function validPortalRoleScopes(scopes: PortalRoleScopes): PortalRoleScopes {
  throwIfAny(scopeIssues(scopes), 'The role’s scopes are not valid');
  return copyScopes(scopes);
}

export function validPortalRoleFields(fields: PortalRoleFields): PortalRoleFields {
  throwIfAny(fieldIssues(fields), 'The role’s field permissions are not valid');
  return copyFields(fields);
}
