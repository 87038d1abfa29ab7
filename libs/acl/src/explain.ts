import { canCreate } from './access-checks';
import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import { restrictedFields } from './field-permissions';
import { type AccessLevel, type Action, type CreateLevel, RECORD_ACTIONS, type RecordAction } from './levels';
import { type EffectivePermissions, scopeOf } from './merge-roles';
import type { PortalContext } from './portal-context';
import type { RoleRef } from './portal-role';
import { ALWAYS_READ_ONLY_FIELDS, NEVER_READABLE_FIELDS } from './protected-fields';
import { matchesRecordFilter } from './record-filter';
import { REFUSAL_MESSAGES, type RefusalReason } from './refusal-reason';
import { exposureConditions, levelReach, scopeFilter } from './scope-filter';

export interface ActionExplanation {
  allowed: boolean;
  /** The merged level for the action. */
  level: AccessLevel | CreateLevel;
  /** The roles granting that level (none when it is `no`). */
  grantedBy: RoleRef[];
  /** Present exactly when refused. */
  reason?: RefusalReason;
  message?: string;
}

export interface AccessExplanation {
  entityType: string;
  /** Without a record, `allowed` means "allowed on some records of the type". */
  recordId: string | null;
  actions: Record<Action, ActionExplanation>;
  fields: { hidden: string[]; readOnly: string[]; alwaysReadOnly: string[]; neverReadable: string[] };
}

function refused(reason: RefusalReason): Pick<ActionExplanation, 'reason' | 'message'> {
  return { reason, message: REFUSAL_MESSAGES[reason] };
}

/**
 * What a portal user may do with a record (or with records of a type) and why: the admin's
 * access endpoint. `allowed` comes from the same scope filter as every check; the reason is the
 * first check the record fails.
 */
export function explain(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord | null | undefined,
  entityType: string,
): AccessExplanation {
  const scope = scopeOf(perms, entityType);
  const passes = (filter: Parameters<typeof matchesRecordFilter>[1]): boolean =>
    record ? matchesRecordFilter(record, filter) : filter.kind !== 'none';

  const exposureFailure = exposureConditions(ctx, user, entityType).find((c) => !passes(c.filter))?.reason;
  const reachFailure = (action: RecordAction): RefusalReason | undefined => {
    const level = scope[action].level;
    if (level === 'no') return 'no_access';
    return passes(levelReach(user, entityType, level)) ? undefined : 'level_too_narrow';
  };

  const explainRecordAction = (action: RecordAction): ActionExplanation => {
    const { level, grantedBy } = scope[action];
    const allowed = passes(scopeFilter(ctx, perms, user, entityType, action));
    if (allowed) return { allowed, level, grantedBy };
    const readFailure = reachFailure('read');
    const reason =
      exposureFailure ??
      (action === 'read' ? readFailure : readFailure ? 'not_readable' : reachFailure(action)) ??
      'level_too_narrow';
    return { allowed, level, grantedBy, ...refused(reason) };
  };

  const createAllowed = canCreate(ctx, perms, entityType);
  const create: ActionExplanation = {
    allowed: createAllowed,
    level: scope.create.level,
    grantedBy: scope.create.grantedBy,
    ...(createAllowed ? {} : refused(ctx.tabList.includes(entityType) ? 'no_access' : 'not_in_tab_list')),
  };

  const actions = { create } as Record<Action, ActionExplanation>;
  for (const action of RECORD_ACTIONS) actions[action] = explainRecordAction(action);

  return {
    entityType,
    recordId: record?.id ?? null,
    actions,
    fields: {
      ...restrictedFields(perms, entityType),
      alwaysReadOnly: [...ALWAYS_READ_ONLY_FIELDS].sort(),
      // Stryker disable next-line MethodExpression: one field today, so sorting changes nothing yet.
      neverReadable: [...NEVER_READABLE_FIELDS].sort(),
    },
  };
}
