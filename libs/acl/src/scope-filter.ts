import type { AclUser } from './acl-user';
import { criterionFilter } from './criterion-filter';
import { ENTITY_TYPE_RULES, type ScopeCondition } from './entity-type-rules';
import { ownershipReach } from './level-reach';
import type { AccessLevel, RecordAction } from './levels';
import { type EffectivePermissions, scopeOf } from './merge-roles';
import { ownEntry } from './own-entry';
import type { PortalContext } from './portal-context';
import { ALL, NONE, and, type RecordFilter } from './record-filter';
import { simplifyFilter } from './simplify-filter';

/**
 * What the portal exposes of an entity type before any role, as named conditions (the names
 * become refusal reasons in `explain`). Internal and deleted records are never exposed.
 */
export function exposureConditions(ctx: PortalContext, user: AclUser, entityType: string): ScopeCondition[] {
  const rule = ownEntry(ENTITY_TYPE_RULES, entityType);
  const criteria = ownEntry(ctx.recordCriteria, entityType) ?? [];
  return [
    { reason: 'wrong_portal', filter: user.portalId === ctx.portalId ? ALL : NONE },
    { reason: 'not_in_tab_list', filter: ctx.tabList.includes(entityType) ? ALL : NONE },
    { reason: 'wrong_entity_type', filter: { kind: 'eq', path: 'entityType', value: entityType } },
    { reason: 'deleted', filter: { kind: 'eq', path: 'deleted', value: false } },
    { reason: 'internal', filter: { kind: 'eq', path: 'isInternal', value: false } },
    ...criteria.map((criterion): ScopeCondition => ({
      reason: 'record_criteria',
      filter: criterionFilter(criterion),
    })),
    ...(rule?.exposure?.(ctx) ?? []),
  ];
}

/** The records of an entity type that a level reaches, before exposure. */
export function levelReach(user: AclUser, entityType: string, level: AccessLevel): RecordFilter {
  const rule = ownEntry(ENTITY_TYPE_RULES, entityType);
  return rule?.reach ? rule.reach(level, user) : ownershipReach(level, user);
}

/**
 * The records of `entityType` the portal user may act on: exposed by the portal, reached by the
 * read level and, for edit/delete/stream, also by that action's level (nothing reaches beyond read).
 * The one definition behind both list queries and single-record checks.
 */
export function scopeFilter(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  entityType: string,
  action: RecordAction = 'read',
): RecordFilter {
  const scope = scopeOf(perms, entityType);
  const parts = exposureConditions(ctx, user, entityType).map((condition) => condition.filter);
  parts.push(levelReach(user, entityType, scope.read.level));
  if (action !== 'read') parts.push(levelReach(user, entityType, scope[action].level));
  return simplifyFilter(and(...parts));
}
