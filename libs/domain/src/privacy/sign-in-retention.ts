import type { DomainEvent } from '../shared/decider';
import { portalUserOwner, type DataOwner } from './data-owner';

// Retention of sign-in records (RETENTION_DAYS) by crypto-shredding, like erasure. Why a key per
// portal user and day: the IP and user agent of PortalUserLoggedIn/LoginFailed are the only personal
// values of those events, and they must become unreadable everywhere (stored events, every replay,
// the read models, exports) once old, while the user's other values stay. Masking the events in
// place would need a rewrite of the log (impossible on EventStoreDB, and a change of what was
// stored); one key per user for everything could not forget a part of it. So sign-in values are
// encrypted under a sub-key `portalUser:<id>/signIns:<YYYY-MM-DD>` of the day they happened:
// destroying the keys of the days past retention forgets exactly those records, replays included,
// and erasing the user destroys every sub-key with the user's own (the key store erases sub-keys
// with their owner). Sign-in events written before this carry values under the user's key: those
// stay readable until the user is erased (README, Privacy).

const SIGN_INS = '/signIns:';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The key of one portal user's sign-in values on the day of `at` (an ISO time); the user's key without one. */
export function signInOwner(portalUserId: string, at: unknown): DataOwner {
  const day = typeof at === 'string' ? at.slice(0, 10) : '';
  return DAY.test(day) ? `portalUser:${portalUserId}${SIGN_INS}${day}` : portalUserOwner(portalUserId);
}

/** The user and day of a sign-in key; null for any other owner. */
export function parseSignInOwner(owner: string): { portalUserId: string; day: string } | null {
  if (!owner.startsWith('portalUser:')) return null;
  const at = owner.indexOf(SIGN_INS);
  if (at < 0) return null;
  const day = owner.slice(at + SIGN_INS.length);
  return DAY.test(day) ? { portalUserId: owner.slice('portalUser:'.length, at), day } : null;
}

/**
 * The first day whose sign-in records are kept: every record of an earlier day is older than
 * `retentionDays` at `now` (a record is erased between retentionDays and retentionDays + 1 day old).
 */
export function signInRetentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The sign-in keys of these users for days before `before` were destroyed (ids and a day only): the
 * projector patches their login history to "[erased]", as a fresh fold now reads it.
 */
export type SignInRecordsExpired = DomainEvent<
  'SignInRecordsExpired',
  { before: string; portalUserIds: string[] }
>;

export const RETENTION_EVENT_TYPES = [
  'SignInRecordsExpired',
] as const satisfies readonly SignInRecordsExpired['type'][];

/** The retention job's stream. */
export const SIGN_IN_RETENTION_STREAM = 'retention-signIns';
