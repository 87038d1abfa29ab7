import type { EntityTypeDefinition } from '../entity-type/entity-type.definition';
import { updateEvents } from './case/case-status-change';
import { fieldChanges } from './field-changes';
import type { CreateRecord, DeleteRecord, PostComment, UpdateRecord } from './record.commands';
import type { CommentAttachmentsLinked } from './attachment/attachment.events';
import type { CommentPosted, RecordCreated, RecordDeleted, RecordEvent } from './record.events';
import type { RecordState } from './record.state';
import { linkCommentAttachments } from './attachment/attachment.decide';
import {
  assertCommentText,
  assertDefinitionOf,
  assertNotCreated,
  assertStaffCanTouch,
  assertValidChanges,
  validNewFields,
} from './record-guards';

// Staff deciders: staff may set every field of the type (isInternal, internalNotes, assignee…).

export function decideCreateRecord(
  command: CreateRecord,
  state: RecordState,
  def: EntityTypeDefinition,
): RecordCreated[] {
  assertDefinitionOf(def, command.entityType);
  assertNotCreated(state);
  const fields = validNewFields(def, command.fields);
  return [{ type: 'RecordCreated', data: { id: command.recordId, entityType: command.entityType, fields } }];
}

export function decideUpdateRecord(
  command: UpdateRecord,
  state: RecordState,
  def: EntityTypeDefinition,
): RecordEvent[] {
  assertDefinitionOf(def, command.entityType);
  assertStaffCanTouch(state, command.entityType);
  assertValidChanges(def, command.fields);
  return updateEvents(command.entityType, fieldChanges(state.fields, command.fields));
}

export function decideDeleteRecord(command: DeleteRecord, state: RecordState): RecordDeleted[] {
  assertStaffCanTouch(state, command.entityType);
  return [{ type: 'RecordDeleted', data: { entityType: command.entityType } }];
}

export function decidePostComment(
  command: PostComment,
  state: RecordState,
): (CommentPosted | CommentAttachmentsLinked)[] {
  assertStaffCanTouch(state, command.entityType);
  if (state.commentIds.includes(command.commentId)) return [];
  assertCommentText(command.text);
  const linked = linkCommentAttachments(
    state,
    command.entityType,
    command.commentId,
    command.attachmentIds ?? [],
    null,
  );
  return [
    {
      type: 'CommentPosted',
      data: {
        entityType: command.entityType,
        commentId: command.commentId,
        text: command.text,
        isInternal: command.isInternal === true,
      },
    },
    ...linked,
  ];
}
