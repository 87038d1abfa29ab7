import type { RecordedEvent } from '@portal/event-store';
import type { OneTimeTokenPurpose } from '@portal/platform';

export type EmailKind = 'invitation' | 'password-reset' | 'email-change';

/**
 * One email the event store asks for: what the queue carries. Ids and times only, never a token
 * or link (those are derived in the worker), so nothing secret sits in Redis.
 */
export interface EmailRequest {
  kind: EmailKind;
  /** The event that asked for the email: the job id and the delivery events point to it. */
  sourceEventId: string;
  sourceStream: string;
  sourcePosition: number;
  correlationId: string;
  portalUserId: string;
  /** The portal the link leads to; undefined: the user's first portal. */
  portalId: string | undefined;
  /** The id the one-time token is derived from (invitationId, resetId, …). */
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
  /** Set when the email goes elsewhere than the user's current address (a new address to confirm). */
  to: string | undefined;
}

/** Event types that ask for an email; the subscriber reads only these. */
export const EMAIL_SOURCE_EVENT_TYPES = ['InvitationSent', 'PasswordResetRequested', 'EmailChangeRequested'];

export const TOKEN_PURPOSE: Record<EmailKind, OneTimeTokenPurpose> = {
  invitation: 'invitation',
  'password-reset': 'password-reset',
  'email-change': 'email-change',
};

const PORTAL_USER_STREAM = /^portalUser-(.+)$/;

function text(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The email an event asks for, or undefined for events that ask for none. Pure. */
export function emailRequestFor(event: RecordedEvent): EmailRequest | undefined {
  const portalUserId = PORTAL_USER_STREAM.exec(event.stream)?.[1];
  if (!portalUserId) return undefined;
  const data = event.data;
  const tokenHash = text(data, 'tokenHash');
  const expiresAt = text(data, 'expiresAt');
  if (!tokenHash || !expiresAt) return undefined;
  // A mail that names no portal goes to the one the user asked from (a portal user's own request).
  const portalId = text(data, 'portalId') ?? event.metadata.actor.portalId;
  const base = {
    sourceEventId: event.id,
    sourceStream: event.stream,
    sourcePosition: event.position,
    correlationId: event.metadata.correlationId,
    portalUserId,
    portalId,
    tokenHash,
    expiresAt,
  };
  switch (event.type) {
    case 'InvitationSent': {
      const invitationId = text(data, 'invitationId');
      return invitationId ? { ...base, kind: 'invitation', tokenId: invitationId, to: undefined } : undefined;
    }
    case 'PasswordResetRequested': {
      const resetId = text(data, 'resetId');
      return resetId ? { ...base, kind: 'password-reset', tokenId: resetId, to: undefined } : undefined;
    }
    case 'EmailChangeRequested': {
      const newEmail = text(data, 'newEmail');
      // The event carries no change id: the API derives this token from the event's own id.
      const tokenId = text(data, 'changeId') ?? event.id;
      return newEmail ? { ...base, kind: 'email-change', tokenId, to: newEmail } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * One job per (event, kind): BullMQ ignores an add whose job id exists, so replays and restarts of
 * the subscriber enqueue nothing twice. BullMQ job ids may not contain ':'.
 */
export function emailJobId(request: Pick<EmailRequest, 'kind' | 'sourceEventId'>): string {
  return `${request.kind}-${request.sourceEventId}`;
}

export function emailDeliveryStream(jobId: string): string {
  return `emailDelivery-${jobId}`;
}
