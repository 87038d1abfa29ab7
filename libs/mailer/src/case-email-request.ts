import type { RecordedEvent } from '@portal/event-store';
import { traceOf, type CaseEmailRequest } from './email-request';
import type { CaseRecipient } from './case-recipients.port';
import type { CaseEmailTrigger } from './case-email-trigger';

export type { CaseEmailTrigger };

/** Event types on `record-Case-<id>` that may mail the case's portal users. */
export const CASE_EMAIL_SOURCE_EVENT_TYPES = ['CaseStatusChanged', 'CommentPosted'];
export const CASE_STREAM_PREFIX = 'record-Case-';

const CASE_STREAM = /^record-Case-(.+)$/;

/**
 * A status change (to a status, not cleared), or a public comment by staff: a portal user's own
 * comment is not news to the portal, and an internal one must never leave the staff side. Pure.
 */
export function caseEmailTriggerFor(event: RecordedEvent): CaseEmailTrigger | undefined {
  const caseId = CASE_STREAM.exec(event.stream)?.[1];
  if (!caseId || event.data.entityType !== 'Case') return undefined;
  const base = { caseId, position: event.position, actor: event.metadata.actor };
  switch (event.type) {
    case 'CaseStatusChanged':
      return typeof event.data.to === 'string' && event.data.to.length > 0
        ? { ...base, kind: 'case-status-changed' }
        : undefined;
    case 'CommentPosted':
      return event.data.isInternal === false &&
        event.metadata.actor.type === 'staff' &&
        typeof event.data.text === 'string'
        ? { ...base, kind: 'case-reply' }
        : undefined;
    default:
      return undefined;
  }
}

/** The job for one recipient of a case event. */
export function caseEmailRequest(
  event: RecordedEvent,
  trigger: CaseEmailTrigger,
  recipient: CaseRecipient,
): CaseEmailRequest {
  return {
    kind: trigger.kind,
    sourceEventId: event.id,
    sourceStream: event.stream,
    sourcePosition: event.position,
    sourceRevision: event.revision,
    correlationId: event.metadata.correlationId,
    ...traceOf(event),
    portalUserId: recipient.portalUserId,
    portalId: recipient.portalId,
    caseId: trigger.caseId,
  };
}
