import type { RecordedEvent } from '@portal/event-store';
import type { OneTimeTokenPurpose } from '@portal/platform';

/** Emails carrying a one-time link (the token is derived again in the worker). */
export type TokenEmailKind = 'invitation' | 'password-reset' | 'email-change';
/** Emails telling a portal user about one of their cases. */
export type CaseEmailKind = 'case-status-changed' | 'case-reply';
export type EmailKind = TokenEmailKind | CaseEmailKind;

/** What every job carries about the event that asked for it. */
interface EmailSource {
  /** The event that asked for the email: the job id and the delivery events point to it. */
  sourceEventId: string;
  sourceStream: string;
  sourcePosition: number;
  correlationId: string;
  /** W3C trace context of the request that wrote the event (tracing on): the send joins its trace. */
  traceparent?: string;
  portalUserId: string;
}

/** The event's trace context, when it was written under tracing. */
export function traceOf(event: RecordedEvent): { traceparent?: string } {
  const traceparent = event.metadata.traceparent;
  return typeof traceparent === 'string' ? { traceparent } : {};
}

/**
 * One email the event store asks for: what the queue carries. Ids and times only, never a token,
 * link or case content (those are derived or read in the worker), so nothing secret sits in Redis.
 */
export interface TokenEmailRequest extends EmailSource {
  kind: TokenEmailKind;
  /** The portal the link leads to; undefined: the user's first portal. */
  portalId: string | undefined;
  /** The id the one-time token is derived from (invitationId, resetId, …). */
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
  /** Set when the email goes elsewhere than the user's current address (a new address to confirm). */
  to: string | undefined;
}

/** One event a case email tells about. */
export interface CaseEmailUpdate {
  kind: CaseEmailKind;
  eventId: string;
  /** Its revision in the case's stream. */
  revision: number;
}

/**
 * A case email for one recipient: the worker reads the case and the events again when it sends.
 * The source event opened the email; `updates` (oldest first, the source first) are every event of
 * the same case for the same recipient within the coalescing window. Jobs queued before coalescing
 * existed carry no `updates`: the source alone.
 */
export interface CaseEmailRequest extends EmailSource {
  kind: CaseEmailKind;
  /** The portal whose link and branding the email uses (one the user reads the case in). */
  portalId: string;
  caseId: string;
  /** Revision of the source event in the case's stream, so the worker reads just that event. */
  sourceRevision: number;
  updates?: CaseEmailUpdate[];
}

/** The events a case email tells about, oldest first. */
export function caseEmailUpdates(request: CaseEmailRequest): CaseEmailUpdate[] {
  return request.updates && request.updates.length > 0
    ? request.updates
    : [{ kind: request.kind, eventId: request.sourceEventId, revision: request.sourceRevision }];
}

export type EmailRequest = TokenEmailRequest | CaseEmailRequest;

const CASE_EMAIL_KINDS: readonly EmailKind[] = ['case-status-changed', 'case-reply'];

export function isCaseEmailRequest(request: EmailRequest): request is CaseEmailRequest {
  return CASE_EMAIL_KINDS.includes(request.kind);
}

/** Event types that ask for an email; the subscriber reads only these. */
export const EMAIL_SOURCE_EVENT_TYPES = ['InvitationSent', 'PasswordResetRequested', 'EmailChangeRequested'];

export const TOKEN_PURPOSE: Record<TokenEmailKind, OneTimeTokenPurpose> = {
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
export function emailRequestFor(event: RecordedEvent): TokenEmailRequest | undefined {
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
    ...traceOf(event),
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
 * One job per (event, kind), and per recipient for case emails (one event mails several users):
 * BullMQ ignores an add whose job id exists, so replays and restarts of the subscriber enqueue
 * nothing twice. BullMQ job ids may not contain ':'.
 */
export function emailJobId(
  request:
    | Pick<TokenEmailRequest, 'kind' | 'sourceEventId'>
    | Pick<CaseEmailRequest, 'kind' | 'sourceEventId' | 'portalUserId'>,
): string {
  const base = `${request.kind}-${request.sourceEventId}`;
  return 'portalUserId' in request && CASE_EMAIL_KINDS.includes(request.kind)
    ? `${base}-${request.portalUserId}`
    : base;
}

export function emailDeliveryStream(jobId: string): string {
  return `emailDelivery-${jobId}`;
}
