import { canAttach, canReadAttachment } from '@portal/acl';
import type { EntityTypeDefinition } from '../../entity-type/entity-type.definition';
import { DomainError } from '../../shared/domain-error';
import type { PortalUserAccess } from '../record.commands';
import type { RecordState } from '../record.state';
import { assertStaffCanTouch } from '../record-guards';
import { assertReadable } from '../portal-user-readable';
import type {
  AddAttachment,
  AddAttachmentAsPortalUser,
  AttachedFile,
  RemoveAttachment,
  RemoveAttachmentAsPortalUser,
} from './attachment.commands';
import type { AttachmentAdded, AttachmentRemoved, CommentAttachmentsLinked } from './attachment.events';
import type { AttachmentState } from './attachment.state';

/** Files a record may hold at once (a bound on the record's stream and on its attachment list). */
export const MAX_ATTACHMENTS_PER_RECORD = 100;
const DOCUMENT = 'Document';

export function liveAttachments(state: RecordState): AttachmentState[] {
  return (state.attachments ?? []).filter((a) => !a.removed);
}

/** The attachment as the ACL judges it, with the internal flag of the comment it came with. */
export function aclAttachment(state: RecordState, attachment: AttachmentState) {
  return {
    // Stryker disable next-line StringLiteral: never reached: the only caller has found the record readable, so it has an id
    recordId: state.id ?? '',
    isInternal: attachment.isInternal,
    commentId: attachment.commentId,
    commentIsInternal:
      attachment.commentId !== null &&
      // Stryker disable next-line ArrayDeclaration: a fallback holding one made-up id holds no comment's id, so it answers as the empty list does
      (state.internalCommentIds ?? []).includes(attachment.commentId),
  };
}

function attachmentNotFound(): DomainError {
  return new DomainError('attachment_not_found', 'Attachment not found', 'not-found');
}

function assertFile(file: AttachedFile): void {
  const errors: { path: string; message: string }[] = [];
  if (!Number.isInteger(file.size) || file.size <= 0) errors.push({ path: 'file', message: 'is empty' });
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) errors.push({ path: 'sha256', message: 'is not a SHA-256' });
  if (file.name.trim() === '') errors.push({ path: 'name', message: 'is required' });
  if (file.contentType.trim() === '') errors.push({ path: 'contentType', message: 'is required' });
  if (errors.length > 0)
    throw new DomainError('attachment_invalid', 'The file is not valid', 'invalid', errors);
}

/** Shared by staff and portal users once access is settled: idempotent on the attachment id. */
function added(
  state: RecordState,
  entityType: string,
  file: AttachedFile,
  isInternal: boolean,
  portalUserId: string | null,
): AttachmentAdded[] {
  if ((state.attachments ?? []).some((a) => a.id === file.attachmentId)) return [];
  assertFile(file);
  const live = liveAttachments(state);
  if (entityType === DOCUMENT && live.length > 0) {
    throw new DomainError(
      'document_has_file',
      'A document holds one file: remove it before attaching another',
      'conflict',
    );
  }
  if (live.length >= MAX_ATTACHMENTS_PER_RECORD) {
    throw new DomainError(
      'too_many_attachments',
      `A record holds at most ${MAX_ATTACHMENTS_PER_RECORD} files`,
      'invalid',
    );
  }
  return [
    {
      type: 'AttachmentAdded',
      data: { entityType, ...file, isInternal, portalUserId },
    },
  ];
}

export function decideAddAttachment(command: AddAttachment, state: RecordState): AttachmentAdded[] {
  assertStaffCanTouch(state, command.entityType);
  return added(state, command.entityType, command.file, command.isInternal === true, null);
}

export function decideRemoveAttachment(command: RemoveAttachment, state: RecordState): AttachmentRemoved[] {
  assertStaffCanTouch(state, command.entityType);
  if (!liveAttachments(state).some((a) => a.id === command.attachmentId)) throw attachmentNotFound();
  return [
    {
      type: 'AttachmentRemoved',
      data: { entityType: command.entityType, attachmentId: command.attachmentId },
    },
  ];
}

/** 404 when the record is not readable, 403 outside the stream level unless the user created it. */
export function decideAddAttachmentAsPortalUser(
  command: AddAttachmentAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): AttachmentAdded[] {
  const record = assertReadable(state, def, access, command.entityType);
  const { ctx, perms, user } = access;
  if (!canAttach(ctx, perms, user, record)) {
    throw new DomainError('attachment_forbidden', 'You may not attach files to this record', 'forbidden');
  }
  return added(state, command.entityType, command.file, false, user.portalUserId);
}

/** A portal user removes a file they uploaded, while they may still attach to the record. */
export function decideRemoveAttachmentAsPortalUser(
  command: RemoveAttachmentAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): AttachmentRemoved[] {
  const record = assertReadable(state, def, access, command.entityType);
  const { ctx, perms, user } = access;
  const attachment = liveAttachments(state).find((a) => a.id === command.attachmentId);
  if (!attachment || !canReadAttachment(ctx, perms, user, record, aclAttachment(state, attachment))) {
    throw attachmentNotFound();
  }
  if (attachment.portalUserId !== user.portalUserId || !canAttach(ctx, perms, user, record)) {
    throw new DomainError('attachment_remove_forbidden', 'You may not remove this file', 'forbidden');
  }
  return [
    {
      type: 'AttachmentRemoved',
      data: { entityType: command.entityType, attachmentId: command.attachmentId },
    },
  ];
}

/**
 * The files a new comment carries: each one attached to this record, not removed, not yet posted
 * with another comment, and (for a portal user) uploaded by that user. Checked on the state before
 * the comment, so a refusal appends neither the comment nor the link.
 */
export function linkCommentAttachments(
  state: RecordState,
  entityType: string,
  commentId: string,
  attachmentIds: readonly string[],
  portalUserId: string | null,
): CommentAttachmentsLinked[] {
  if (attachmentIds.length === 0) return [];
  const live = liveAttachments(state);
  const refused = attachmentIds.filter((id, index) => {
    const attachment = live.find((a) => a.id === id);
    if (!attachment || attachment.commentId !== null || attachmentIds.indexOf(id) !== index) return true;
    return portalUserId !== null && attachment.portalUserId !== portalUserId;
  });
  if (refused.length > 0) {
    throw new DomainError(
      'attachment_not_linkable',
      'A comment may carry only files attached to this record and not yet posted with a comment',
      'invalid',
      refused.map((id) => ({ path: 'attachmentIds', message: `${id} cannot be posted with this comment` })),
    );
  }
  return [
    { type: 'CommentAttachmentsLinked', data: { entityType, commentId, attachmentIds: [...attachmentIds] } },
  ];
}
