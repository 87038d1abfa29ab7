import {
  canRead,
  canStream,
  isFieldReadable,
  mergeRoles,
  type AclUser,
  type PortalContext,
} from '@portal/acl';
import { isFollowing } from '@portal/domain';
import {
  caseNotificationsOf,
  type PortalDoc,
  type PortalRoleDoc,
  type PortalUserDoc,
  type RecordDoc,
} from '@portal/read-models';
import type { CaseEmailKind } from '../email-request';

/** What a case email may show one recipient: the case's name only where their roles let them read it. */
export interface CaseEmailAccess {
  showName: boolean;
}

/** The union of the portal's and the user's role ids, portal first, each once (as the API merges them). */
export function roleIdsOf(portal: PortalDoc, user: PortalUserDoc): string[] {
  return [...new Set([...portal.roleIds, ...user.roleIds])];
}

/** Whether the user follows the case and their preference asks for its emails. */
export function wantsCaseEmails(
  record: RecordDoc,
  user: PortalUserDoc,
  choices: Readonly<Record<string, boolean>>,
): boolean {
  if (!isFollowing(choices, record, user)) return false;
  const level = caseNotificationsOf(user.preferences);
  return level === 'all' || (level === 'own' && record.createdByPortalUserId === user.id);
}

/**
 * Whether one portal user hears about a case event in one portal, decided by the same ACL the API
 * enforces: a follower (by choice, or as creator or contact), whose preference asks for it, a
 * member, active, able to read the case there (and its stream for a comment, as the API shows
 * comments only within the stream level), and able to read `status` for a status change.
 * Undefined: send nothing. Pure; `roles` holds at least the roles named by the portal and the user
 * (deleted ones are skipped); `choices` are the case's explicit follow choices.
 */
export function caseEmailAccess(
  kind: CaseEmailKind,
  record: RecordDoc,
  portal: PortalDoc,
  user: PortalUserDoc,
  roles: ReadonlyMap<string, PortalRoleDoc>,
  choices: Readonly<Record<string, boolean>>,
): CaseEmailAccess | undefined {
  if (record.entityType !== 'Case' || record.deleted) return undefined;
  if (!portal.isActive || !user.portalIds.includes(portal.id)) return undefined;
  if (user.status !== 'active' || user.deactivated === true) return undefined;
  if (!wantsCaseEmails(record, user, choices)) return undefined;

  const merged = roleIdsOf(portal, user)
    .map((id) => roles.get(id))
    .filter((role): role is PortalRoleDoc => role !== undefined && !role.deleted)
    .map((role) => ({ id: role.id, name: role.name, scopes: role.scopes, fields: role.fields }));
  const perms = mergeRoles(merged);
  const ctx: PortalContext = {
    portalId: portal.id,
    tabList: [...portal.tabList],
    recordCriteria: portal.recordCriteria,
  };
  const aclUser: AclUser = {
    portalUserId: user.id,
    portalId: portal.id,
    contactId: user.contactId,
    accountIds: [...user.accountIds],
  };
  if (!canRead(ctx, perms, aclUser, record)) return undefined;
  if (kind === 'case-reply' && !canStream(ctx, perms, aclUser, record)) return undefined;
  if (kind === 'case-status-changed' && !isFieldReadable(perms, 'Case', 'status')) return undefined;
  return { showName: isFieldReadable(perms, 'Case', 'name') };
}
