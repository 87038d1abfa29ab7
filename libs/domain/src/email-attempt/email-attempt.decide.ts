import type { LoginRealm, PasswordResetNotIssued, UnknownEmailLoginFailed } from './email-attempt.events';
import { emailAttemptStream } from './email-attempt.stream';

export interface RecordUnknownEmailLogin {
  type: 'RecordUnknownEmailLogin';
  realm: LoginRealm;
  /** The portal logged into; null for the staff login. */
  portalId: string | null;
  emailDigest: string;
  now: string;
}

export interface RecordPasswordResetNotIssued {
  type: 'RecordPasswordResetNotIssued';
  portalId: string;
  emailDigest: string;
  now: string;
}

/** Always one event: an attempt is a fact whatever came before (no state to refuse on). */
export function decideUnknownEmailLogin(command: RecordUnknownEmailLogin): [UnknownEmailLoginFailed] {
  const { realm, portalId, emailDigest, now } = command;
  emailAttemptStream(emailDigest); // refuses anything but a digest: no address ends up in an event
  if ((realm === 'staff') !== (portalId === null))
    throw new Error('A staff login names no portal; a portal login names its portal');
  return [{ type: 'UnknownEmailLoginFailed', data: { realm, portalId, emailDigest, at: now } }];
}

export function decidePasswordResetNotIssued(
  command: RecordPasswordResetNotIssued,
): [PasswordResetNotIssued] {
  const { portalId, emailDigest, now } = command;
  emailAttemptStream(emailDigest);
  return [{ type: 'PasswordResetNotIssued', data: { portalId, emailDigest, at: now } }];
}
