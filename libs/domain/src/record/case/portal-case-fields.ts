import type { RecordFields } from '../record.events';

/**
 * What the service decides for a case a portal user raises, whatever was sent: it starts as New,
 * is never internal, and goes to the portal's default assignee (Vtiger's "Default Assignee").
 */
export function portalCaseFields(fields: RecordFields, defaultCaseAssigneeId: string | null): RecordFields {
  const out: RecordFields = { ...fields, status: 'New', isInternal: false };
  if (defaultCaseAssigneeId !== null) out.assignedUserId = defaultCaseAssigneeId;
  return out;
}
