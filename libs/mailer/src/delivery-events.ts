import { createHash } from 'node:crypto';
import type { NewEvent } from '@portal/event-store';
import type { EmailKind, EmailRequest } from './email-request';

export const SYSTEM_MAILER_ACTOR = {
  type: 'system' as const,
  id: '00000000-0000-0000-0000-000000000000',
  name: 'mailer',
};

export interface EmailDeliveredData {
  kind: EmailKind;
  to: string;
  messageId: string;
  sourceEventId: string;
  portalId: string | null;
  portalUserId: string;
  [key: string]: unknown;
}

export interface EmailDeliveryFailedData {
  kind: EmailKind;
  to: string | null;
  reason: string;
  /** False when the mailer gave up on a temporary failure after its last attempt. */
  permanent: boolean;
  attempts: number;
  sourceEventId: string;
  portalId: string | null;
  portalUserId: string;
  [key: string]: unknown;
}

/**
 * A UUID (v5 layout) from a name: the same delivery outcome of the same job always gets the same
 * event id, so appending it again after a crash is a no-op in the store.
 */
export function deterministicEventId(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function metadata(request: EmailRequest, now: Date) {
  return {
    actor: SYSTEM_MAILER_ACTOR,
    correlationId: request.correlationId,
    causationId: request.sourceEventId,
    timestamp: now.toISOString(),
  };
}

export function emailDelivered(
  jobId: string,
  request: EmailRequest,
  to: string,
  messageId: string,
  now: Date,
): NewEvent<EmailDeliveredData> {
  return {
    id: deterministicEventId(`${jobId}:EmailDelivered`),
    type: 'EmailDelivered',
    version: 1,
    data: {
      kind: request.kind,
      to,
      messageId,
      sourceEventId: request.sourceEventId,
      portalId: request.portalId ?? null,
      portalUserId: request.portalUserId,
    },
    metadata: metadata(request, now),
  };
}

export function emailDeliveryFailed(
  jobId: string,
  request: EmailRequest,
  failure: { to: string | null; reason: string; permanent: boolean; attempts: number },
  now: Date,
): NewEvent<EmailDeliveryFailedData> {
  return {
    id: deterministicEventId(`${jobId}:EmailDeliveryFailed`),
    type: 'EmailDeliveryFailed',
    version: 1,
    data: {
      kind: request.kind,
      ...failure,
      sourceEventId: request.sourceEventId,
      portalId: request.portalId ?? null,
      portalUserId: request.portalUserId,
    },
    metadata: metadata(request, now),
  };
}
