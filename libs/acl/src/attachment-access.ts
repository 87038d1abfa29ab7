import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import { canRead, canStream } from './access-checks';
import type { EffectivePermissions } from './merge-roles';
import type { PortalContext } from './portal-context';

/** A file attached to a record, as the ACL judges it. */
export interface AclAttachment {
  /** The record it is attached to (its parent). */
  recordId: string;
  /** Staff marked the file internal. */
  isInternal: boolean;
  /** The comment it was posted with, if any. */
  commentId: string | null;
  /** That comment is internal: so is everything posted with it. */
  commentIsInternal: boolean;
}

/**
 * Whether a portal user may see (list, download) an attachment: the one check every path asks
 * (the attachment endpoints, comments that carry files, share links through their creator). Never
 * where the parent record is not readable; never an internal file or one of an internal comment; a
 * file that came with a comment needs the stream level, as the comment does.
 */
export function canReadAttachment(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
  attachment: AclAttachment,
): boolean {
  if (attachment.recordId !== record.id) return false;
  if (attachment.isInternal || attachment.commentIsInternal) return false;
  if (!canRead(ctx, perms, user, record)) return false;
  return attachment.commentId === null || canStream(ctx, perms, user, record);
}

/** Whether a portal user may attach files to a record: inside their stream level, or one they created. */
export function canAttach(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
): boolean {
  if (!canRead(ctx, perms, user, record)) return false;
  return canStream(ctx, perms, user, record) || record.createdByPortalUserId === user.portalUserId;
}
