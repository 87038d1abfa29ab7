import type { AclUser, EffectivePermissions, PortalContext } from '@portal/acl';
import type { RecordFields } from './record.events';

// Staff commands: the entity type's definition is the only rule besides the record's own state.

export interface CreateRecord {
  type: 'CreateRecord';
  /** Chosen by the API (a UUID), so the stream name is known before appending. */
  recordId: string;
  entityType: string;
  fields: RecordFields;
}

/** `fields` are the sent fields only; `null` clears one. */
export interface UpdateRecord {
  type: 'UpdateRecord';
  entityType: string;
  fields: RecordFields;
}

export interface DeleteRecord {
  type: 'DeleteRecord';
  entityType: string;
}

export interface PostComment {
  type: 'PostComment';
  entityType: string;
  commentId: string;
  text: string;
  isInternal?: boolean;
  /** Files already attached to the record that this comment carries. */
  attachmentIds?: string[];
}

// Portal-user commands: also judged by the ACL (see PortalUserAccess).

export interface CreateRecordAsPortalUser {
  type: 'CreateRecordAsPortalUser';
  recordId: string;
  entityType: string;
  fields: RecordFields;
  /** The portal's default case assignee (Vtiger's "Default Assignee"); used for cases only. */
  defaultCaseAssigneeId: string | null;
}

export interface UpdateRecordAsPortalUser {
  type: 'UpdateRecordAsPortalUser';
  entityType: string;
  fields: RecordFields;
}

export interface DeleteRecordAsPortalUser {
  type: 'DeleteRecordAsPortalUser';
  entityType: string;
}

/** A portal user's comment is always public. */
export interface PostCommentAsPortalUser {
  type: 'PostCommentAsPortalUser';
  entityType: string;
  commentId: string;
  text: string;
  /** Files this user attached to the record that this comment carries. */
  attachmentIds?: string[];
}

/** Who the portal user is, in which portal, with which merged roles: what the ACL needs. */
export interface PortalUserAccess {
  ctx: PortalContext;
  perms: EffectivePermissions;
  user: AclUser;
}

export type StaffRecordCommand = CreateRecord | UpdateRecord | DeleteRecord | PostComment;
export type PortalUserRecordCommand =
  CreateRecordAsPortalUser | UpdateRecordAsPortalUser | DeleteRecordAsPortalUser | PostCommentAsPortalUser;
