import type { AttachmentState } from './attachment/attachment.state';
import type { RecordFields } from './record.events';

export interface RecordState {
  /** null until created. */
  id: string | null;
  entityType: string | null;
  deleted: boolean;
  fields: RecordFields;
  /** Set when a portal user created the record: the ACL's `own` level (Vtiger's CreatedByExt). */
  createdByPortalUserId: string | null;
  createdInPortalId: string | null;
  /** Ids of posted comments: a repeated command with the same comment id changes nothing. */
  commentIds: string[];
  /** Internal comments: files posted with them are internal too. Absent in states stored before files. */
  internalCommentIds?: string[];
  /** Files attached, removed ones included (their ids stay taken). Absent in states stored before files. */
  attachments?: AttachmentState[];
}

export const initialRecordState: RecordState = {
  id: null,
  entityType: null,
  deleted: false,
  fields: {},
  createdByPortalUserId: null,
  createdInPortalId: null,
  commentIds: [],
  internalCommentIds: [],
  attachments: [],
};

export function recordExists(state: RecordState): state is RecordState & { id: string; entityType: string } {
  return state.id !== null && state.entityType !== null;
}
