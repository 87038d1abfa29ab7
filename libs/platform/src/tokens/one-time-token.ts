import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a one-time token is for: the same id never yields the same token for two purposes. */
export type OneTimeTokenPurpose = 'invitation' | 'password-reset' | 'email-change';

/**
 * The token sent by email for one invitation / reset / email change. Derived, never stored: the API
 * keeps only its hash in the event, and the mailer derives it again from the event's id to build
 * the link, so no secret ever reaches the event store, Redis or a log.
 */
export function oneTimeToken(secret: Buffer | string, purpose: OneTimeTokenPurpose, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

/** What events keep instead of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time check of a presented token against a stored hash. */
export function tokenMatchesHash(token: string, tokenHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(tokenHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
