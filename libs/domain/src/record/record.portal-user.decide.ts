import { canCreate, canDelete, canEdit, canStream } from '@portal/acl';
import type { EntityTypeDefinition } from '../entity-type/entity-type.definition';
import { DomainError } from '../shared/domain-error';
import { updateEvents } from './case/case-status-change';
import type { CaseCreatedByPortalUser } from './case/case.events';
import { portalCaseFields } from './case/portal-case-fields';
import { fieldChanges } from './field-changes';
import { assertWritableByPortalUser, exposureLinkFields } from './portal-user-field-guard';
import { foreignOwnershipLinks, linkToPortalUser, ownershipLinkFields } from './portal-user-links';
import type {
  CreateRecordAsPortalUser,
  DeleteRecordAsPortalUser,
  PortalUserAccess,
  PostCommentAsPortalUser,
  UpdateRecordAsPortalUser,
} from './record.commands';
import type { CommentAttachmentsLinked } from './attachment/attachment.events';
import type { CommentPosted, RecordCreatedByPortalUser, RecordDeleted, RecordEvent } from './record.events';
import type { RecordState } from './record.state';
import { linkCommentAttachments } from './attachment/attachment.decide';
import {
  assertCommentText,
  assertDefinitionOf,
  assertNotCreated,
  assertValidChanges,
  validNewFields,
} from './record-guards';
import { assertReadable } from './portal-user-readable';
import type { RecordErrorCode } from './record.errors';

/*
 * Portal-user deciders. Order of checks on an existing record: readable (else 404 record_not_found,
 * the same answer as for a record that never existed), then the action's level (403), then the
 * sent fields (403 field_read_only), then the values (422 record_invalid).
 */

function forbidden(code: RecordErrorCode, action: string): DomainError {
  return new DomainError(code, `You may not ${action} this record`, 'forbidden');
}

export function decideCreateRecordAsPortalUser(
  command: CreateRecordAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): (RecordCreatedByPortalUser | CaseCreatedByPortalUser)[] {
  assertDefinitionOf(def, command.entityType);
  const { ctx, perms, user } = access;
  if (user.portalId !== ctx.portalId || !canCreate(ctx, perms, command.entityType)) {
    throw new DomainError(
      'record_create_forbidden',
      `You may not create ${command.entityType} records`,
      'forbidden',
    );
  }
  assertNotCreated(state);
  const ownLinks = ownershipLinkFields(def);
  const neverWritable = exposureLinkFields(def);
  for (const name of ownLinks) neverWritable.delete(name);
  assertWritableByPortalUser(access, def, command.fields, neverWritable, ownLinks, 'create');
  const foreign = foreignOwnershipLinks(def, command.fields, user);
  if (foreign.length > 0) {
    throw new DomainError(
      'link_not_allowed',
      'A new record may only be linked to your own account and contact',
      'forbidden',
      foreign,
    );
  }
  const linked = linkToPortalUser(def, command.fields, user);
  const isCase = command.entityType === 'Case';
  const fields = validNewFields(
    def,
    isCase ? portalCaseFields(linked, command.defaultCaseAssigneeId) : linked,
  );
  const origin = { id: command.recordId, fields, portalId: ctx.portalId, portalUserId: user.portalUserId };
  if (isCase) return [{ type: 'CaseCreatedByPortalUser', data: { ...origin, entityType: 'Case' } }];
  return [{ type: 'RecordCreatedByPortalUser', data: { ...origin, entityType: command.entityType } }];
}

export function decideUpdateRecordAsPortalUser(
  command: UpdateRecordAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): RecordEvent[] {
  const record = assertReadable(state, def, access, command.entityType);
  if (!canEdit(access.ctx, access.perms, access.user, record))
    throw forbidden('record_edit_forbidden', 'edit');
  assertWritableByPortalUser(access, def, command.fields, exposureLinkFields(def));
  assertValidChanges(def, command.fields);
  return updateEvents(command.entityType, fieldChanges(state.fields, command.fields));
}

export function decideDeleteRecordAsPortalUser(
  command: DeleteRecordAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): RecordDeleted[] {
  const record = assertReadable(state, def, access, command.entityType);
  if (!canDelete(access.ctx, access.perms, access.user, record))
    throw forbidden('record_delete_forbidden', 'delete');
  return [{ type: 'RecordDeleted', data: { entityType: command.entityType } }];
}

export function decidePostCommentAsPortalUser(
  command: PostCommentAsPortalUser,
  state: RecordState,
  def: EntityTypeDefinition,
  access: PortalUserAccess,
): (CommentPosted | CommentAttachmentsLinked)[] {
  const record = assertReadable(state, def, access, command.entityType);
  if (!canStream(access.ctx, access.perms, access.user, record)) {
    throw forbidden('record_stream_forbidden', 'comment on');
  }
  if (state.commentIds.includes(command.commentId)) return [];
  assertCommentText(command.text);
  const linked = linkCommentAttachments(
    state,
    command.entityType,
    command.commentId,
    command.attachmentIds ?? [],
    access.user.portalUserId,
  );
  return [
    {
      type: 'CommentPosted',
      data: {
        entityType: command.entityType,
        commentId: command.commentId,
        text: command.text,
        isInternal: false,
      },
    },
    ...linked,
  ];
}
