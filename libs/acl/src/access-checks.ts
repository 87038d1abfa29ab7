import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import type { RecordAction } from './levels';
import { type EffectivePermissions, scopeOf } from './merge-roles';
import type { PortalContext } from './portal-context';
import { matchesRecordFilter } from './record-filter';
import { scopeFilter } from './scope-filter';

/**
 * Single-record checks, decided by the very filter that scopes lists, so a record is in a list
 * exactly when it can be opened.
 */
export function canAct(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
  action: RecordAction,
): boolean {
  return matchesRecordFilter(record, scopeFilter(ctx, perms, user, record.entityType, action));
}

export function canRead(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  return canAct(ctx, perms, user, record, 'read');
}

export function canEdit(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  return canAct(ctx, perms, user, record, 'edit');
}

export function canDelete(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  return canAct(ctx, perms, user, record, 'delete');
}

export function canStream(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  return canAct(ctx, perms, user, record, 'stream');
}

/** Making a share link: the `share` level reaches the record (and, as for every action, read does). */
export function canShare(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  return canAct(ctx, perms, user, record, 'share');
}

/** Creating needs the type in the portal's tab list and a role granting create. */
export function canCreate(ctx: PortalContext, perms: EffectivePermissions, entityType: string): boolean {
  return ctx.tabList.includes(entityType) && scopeOf(perms, entityType).create.level === 'yes';
}
