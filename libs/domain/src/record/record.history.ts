import type { FieldChanges, RecordEvent } from './record.events';

/**
 * The `changes` of one history entry (GET …/history). Every field change is in exactly one event:
 * creation lists the initial values, a case's status change only its CaseStatusChanged.
 */
export function historyChanges(event: RecordEvent): FieldChanges {
  switch (event.type) {
    case 'RecordCreated':
    case 'RecordCreatedByPortalUser':
    case 'CaseCreatedByPortalUser': {
      const changes: FieldChanges = {};
      for (const [name, to] of Object.entries(event.data.fields)) changes[name] = { from: null, to };
      return changes;
    }
    case 'RecordUpdated':
      return event.data.changes;
    case 'CaseStatusChanged':
      return { status: { from: event.data.from, to: event.data.to } };
    case 'RecordDeleted':
    case 'CommentPosted':
    case 'CommentAttachmentsLinked':
      return {};
    // Files are no field: the history entry names the file (see the API's history view).
    case 'AttachmentAdded':
    case 'AttachmentRemoved':
      return {};
    default:
      return {};
  }
}
