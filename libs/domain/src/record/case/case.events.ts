import type { DomainEvent } from '../../shared/decider';
import type { RecordFields } from '../record-fields';

/**
 * A portal user raised a case. `fields` already hold what the decider set: the user's contact
 * (`contactId`), their account (`accountId`), the portal's default assignee (`assignedUserId`),
 * `status: "New"` and `isInternal: false`.
 */
export type CaseCreatedByPortalUser = DomainEvent<
  'CaseCreatedByPortalUser',
  { id: string; entityType: 'Case'; fields: RecordFields; portalId: string; portalUserId: string }
>;

/** A case moved to another status (the mailer tells the customer). The only place a status change is recorded. */
export type CaseStatusChanged = DomainEvent<
  'CaseStatusChanged',
  { entityType: 'Case'; from: string | null; to: string | null }
>;
