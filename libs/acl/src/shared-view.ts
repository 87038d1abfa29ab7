import { canRead, canStream } from './access-checks';
import type { AclRecord } from './acl-record';
import type { AclUser } from './acl-user';
import { canReadAttachment, type AclAttachment } from './attachment-access';
import { projectReadable } from './field-permissions';
import type { EffectivePermissions } from './merge-roles';
import { setEntry } from './own-entry';
import type { PortalContext } from './portal-context';
import { isNeverReadableField } from './protected-fields';

/** What a share link's view may show of a comment: only whether it is internal matters here. */
export interface SharableComment {
  isInternal: boolean;
}

/** What a link was made to include, and the record's comments and files to choose from. */
export interface SharedContent<C extends SharableComment, A extends AclAttachment> {
  comments: readonly C[];
  includeComments: boolean;
  attachments: readonly A[];
  includeAttachments: boolean;
}

export interface SharedView<C extends SharableComment, A extends AclAttachment> {
  fields: Record<string, unknown>;
  /** Empty unless the link includes comments and its creator may see them now; never internal ones. */
  comments: C[];
  /** Empty unless the link includes attachments; only the files its creator may read now. */
  attachments: A[];
}

/**
 * What a link made by a portal user shows, judged at the moment of viewing with the creator's
 * access as it is now: nothing (null: the link is dead) when the creator cannot read the record any
 * more (deleted, internal, outside the portal's criteria or the creator's read scope); otherwise
 * the fields the creator may read and, if the link includes them and the creator's stream level
 * reaches the record, its public comments; if the link includes files, those the creator may read
 * (canReadAttachment), a comment's files only beside the comments. A shared view never shows more
 * than its creator sees.
 */
export function portalUserSharedView<C extends SharableComment, A extends AclAttachment>(
  ctx: PortalContext,
  perms: EffectivePermissions,
  user: AclUser,
  record: AclRecord,
  content: SharedContent<C, A>,
): SharedView<C, A> | null {
  if (!canRead(ctx, perms, user, record)) return null;
  const showComments = content.includeComments && canStream(ctx, perms, user, record);
  return {
    fields: projectReadable(perms, record.entityType, record.fields),
    comments: showComments ? content.comments.filter((comment) => !comment.isInternal) : [],
    attachments: sharedFiles(content, (file) => canReadAttachment(ctx, perms, user, record, file)),
  };
}

/**
 * What a link made by staff shows: staff read every record, but a link is for someone outside, so
 * a deleted or internal record is nothing (the link is dead), internal comments and files (an
 * internal comment's included) are never shown and neither are the fields no outsider reads
 * (`isInternal`).
 */
export function staffSharedView<C extends SharableComment, A extends AclAttachment>(
  record: AclRecord,
  content: SharedContent<C, A>,
): SharedView<C, A> | null {
  if (record.deleted || record.isInternal) return null;
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record.fields)) {
    if (!isNeverReadableField(field)) setEntry(fields, field, value);
  }
  return {
    fields,
    comments: content.includeComments ? content.comments.filter((comment) => !comment.isInternal) : [],
    attachments: sharedFiles(
      content,
      (file) => file.recordId === record.id && !file.isInternal && !file.commentIsInternal,
    ),
  };
}

/**
 * The files a link shows: none unless it includes files; those the creator may read; a file posted
 * with a comment only when the link includes comments too (it belongs to the conversation).
 */
function sharedFiles<A extends AclAttachment>(
  content: SharedContent<SharableComment, A>,
  creatorReads: (file: A) => boolean,
): A[] {
  if (!content.includeAttachments) return [];
  return content.attachments.filter(
    (file) => (file.commentId === null || content.includeComments) && creatorReads(file),
  );
}
