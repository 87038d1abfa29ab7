import { canRead, canStream } from './access-checks';
import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import { projectReadable } from './field-permissions';
import type { EffectivePermissions } from './merge-roles';
import { setEntry } from './own-entry';
import type { PortalContext } from './portal-context';
import { isNeverReadableField } from './protected-fields';

/** What a share link's view may show of a comment: only whether it is internal matters here. */
export interface SharableComment {
  isInternal: boolean;
}

export interface SharedView<C extends SharableComment> {
  fields: Record<string, unknown>;
  /** Empty unless the link includes comments and its creator may see them now; never internal ones. */
  comments: C[];
}

/**
 * What a link made by a portal user shows, judged at the moment of viewing with the creator's
 * access as it is now: nothing (null: the link is dead) when the creator cannot read the record any
 * more (deleted, internal, outside the portal's criteria or the creator's read scope); otherwise
 * the fields the creator may read and, if the link includes them and the creator's stream level
 * reaches the record, its public comments. A shared view never shows more than its creator sees.
 */
export function portalUserSharedView<C extends SharableComment>(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
  comments: readonly C[],
  includeComments: boolean,
): SharedView<C> | null {
  if (!canRead(ctx, perms, user, record)) return null;
  const showComments = includeComments && canStream(ctx, perms, user, record);
  return {
    fields: projectReadable(perms, record.entityType, record.fields),
    comments: showComments ? comments.filter((comment) => !comment.isInternal) : [],
  };
}

/**
 * What a link made by staff shows: staff read every record, but a link is for someone outside, so
 * a deleted or internal record is nothing (the link is dead), internal comments are never shown and
 * neither are the fields no outsider reads (`isInternal`).
 */
export function staffSharedView<C extends SharableComment>(
  record: AclRecord,
  comments: readonly C[],
  includeComments: boolean,
): SharedView<C> | null {
  if (record.deleted || record.isInternal) return null;
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record.fields)) {
    if (!isNeverReadableField(field)) setEntry(fields, field, value);
  }
  return { fields, comments: includeComments ? comments.filter((comment) => !comment.isInternal) : [] };
}
