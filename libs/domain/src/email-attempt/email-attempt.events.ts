import type { DomainEvent } from '../shared/decider';

/**
 * Attempts that name an email and write nothing to a user's stream: a login with an email nobody
 * holds, a password reset nobody gets. They are recorded anyway so that such an attempt moves the
 * event store's head exactly as an attempt on a real account does (the head is visible to anyone:
 * a GET carrying a consistency token beyond it is refused). The email itself is never stored,
 * only `emailDigest`: an HMAC of the normalised email under a key derived from the server secret,
 * so repeated attempts on one address can be told apart without keeping the address.
 */
export type LoginRealm = 'staff' | 'portal';

export type UnknownEmailLoginFailed = DomainEvent<
  'UnknownEmailLoginFailed',
  { realm: LoginRealm; portalId: string | null; emailDigest: string; at: string }
>;

/** forgot-password for an email that gets no link here (unknown, deactivated, never set a password). */
export type PasswordResetNotIssued = DomainEvent<
  'PasswordResetNotIssued',
  { portalId: string; emailDigest: string; at: string }
>;

export type EmailAttemptEvent = UnknownEmailLoginFailed | PasswordResetNotIssued;

export const EMAIL_ATTEMPT_EVENT_TYPES = ['UnknownEmailLoginFailed', 'PasswordResetNotIssued'] as const;
