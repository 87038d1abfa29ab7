import type { RecordEvent } from './record.events';
import type { RecordState } from './record.state';

export function evolveRecord(state: RecordState, event: RecordEvent): RecordState {
  switch (event.type) {
    case 'RecordCreated':
      return {
        ...state,
        id: event.data.id,
        entityType: event.data.entityType,
        fields: { ...event.data.fields },
      };
    case 'RecordCreatedByPortalUser':
    case 'CaseCreatedByPortalUser':
      return {
        ...state,
        id: event.data.id,
        entityType: event.data.entityType,
        fields: { ...event.data.fields },
        createdByPortalUserId: event.data.portalUserId,
        createdInPortalId: event.data.portalId,
      };
    case 'RecordUpdated': {
      const fields = { ...state.fields };
      for (const [name, change] of Object.entries(event.data.changes)) fields[name] = change.to;
      return { ...state, fields };
    }
    case 'CaseStatusChanged':
      return { ...state, fields: { ...state.fields, status: event.data.to } };
    case 'RecordDeleted':
      return { ...state, deleted: true };
    case 'CommentPosted': {
      const internal = state.internalCommentIds ?? [];
      return {
        ...state,
        commentIds: [...state.commentIds, event.data.commentId],
        internalCommentIds: event.data.isInternal ? [...internal, event.data.commentId] : internal,
      };
    }
    case 'AttachmentAdded': {
      const { attachmentId, sha256, isInternal, portalUserId } = event.data;
      const attachment = {
        id: attachmentId,
        sha256,
        isInternal,
        portalUserId,
        commentId: null,
        removed: false,
      };
      return { ...state, attachments: [...(state.attachments ?? []), attachment] };
    }
    case 'AttachmentRemoved':
      return {
        ...state,
        attachments: (state.attachments ?? []).map((a) =>
          a.id === event.data.attachmentId ? { ...a, removed: true } : a,
        ),
      };
    case 'CommentAttachmentsLinked': {
      const { commentId, attachmentIds } = event.data;
      return {
        ...state,
        attachments: (state.attachments ?? []).map((a) =>
          attachmentIds.includes(a.id) ? { ...a, commentId } : a,
        ),
      };
    }
    default:
      return state;
  }
}
