import type { DomainEvent } from '../shared/decider';
import type { AttachmentEvent } from './attachment/attachment.events';
import type { CaseCreatedByPortalUser, CaseStatusChanged } from './case/case.events';
import type { FieldValue, RecordFields } from './record-fields';

export type { FieldValue, RecordFields };
export type FieldChanges = Record<string, { from: FieldValue; to: FieldValue }>;

/** Staff created a record. `fields` holds every set field, defaults included; links as `accountId`, `teamIds`… */
export type RecordCreated = DomainEvent<
  'RecordCreated',
  { id: string; entityType: string; fields: RecordFields }
>;

/**
 * A portal user created a record that is not a case (cases have CaseCreatedByPortalUser). The
 * portal and user are data, not only metadata, because the ACL's `own` level and the portal's
 * audit export depend on them.
 */
export type RecordCreatedByPortalUser = DomainEvent<
  'RecordCreatedByPortalUser',
  { id: string; entityType: string; fields: RecordFields; portalId: string; portalUserId: string }
>;

/**
 * Fields that actually changed, with old and new value (`null` for unset). Never emitted empty.
 * A case's `status` is never in here: it travels as CaseStatusChanged, so history shows it once.
 */
export type RecordUpdated = DomainEvent<'RecordUpdated', { entityType: string; changes: FieldChanges }>;

/** The record is gone: every later command on it is refused. */
export type RecordDeleted = DomainEvent<'RecordDeleted', { entityType: string }>;

/** A comment on the record's stream. Internal comments are never shown to portal users. */
export type CommentPosted = DomainEvent<
  'CommentPosted',
  { entityType: string; commentId: string; text: string; isInternal: boolean }
>;

export type RecordEvent =
  | RecordCreated
  | RecordCreatedByPortalUser
  | CaseCreatedByPortalUser
  | RecordUpdated
  | CaseStatusChanged
  | RecordDeleted
  | CommentPosted
  | AttachmentEvent;

export const RECORD_EVENT_TYPES = [
  'RecordCreated',
  'RecordCreatedByPortalUser',
  'CaseCreatedByPortalUser',
  'RecordUpdated',
  'CaseStatusChanged',
  'RecordDeleted',
  'CommentPosted',
  'AttachmentAdded',
  'AttachmentRemoved',
  'CommentAttachmentsLinked',
] as const satisfies readonly RecordEvent['type'][];
