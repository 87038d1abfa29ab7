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
    case 'CommentPosted':
      return { ...state, commentIds: [...state.commentIds, event.data.commentId] };
    default:
      return state;
  }
}
