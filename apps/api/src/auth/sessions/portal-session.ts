/** A portal user's server-side session (OPERATIONAL `portal_sessions`): the token lives only while it does. */
export interface PortalSessionDoc {
  [key: string]: unknown;
  id: string;
  portalUserId: string;
  portalId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
  endReason: SessionEndReason | null;
}

/** logout / idle_timeout / expired are recorded as PortalUserLoggedOut; the others end it silently. */
export type SessionEndReason = 'logout' | 'idle_timeout' | 'expired' | 'user_inactive' | 'password_reset';

/**
 * How often lastSeenAt is refreshed: once per minute of activity (the idle timeout is set in whole
 * minutes), or a tenth of a shorter timeout; never a write per request. A recorded lastSeenAt is at
 * most this much older than the last request, so a session can only end that much EARLIER than its
 * idle timeout, never later: the check is not relaxed.
 */
export function lastSeenThrottleMs(idleTimeoutMinutes: number): number {
  return Math.min(60_000, (idleTimeoutMinutes * 60_000) / 10);
}

export type SessionVerdict =
  | { kind: 'live'; touch: boolean }
  | { kind: 'ended' }
  | { kind: 'expired' }
  | { kind: 'idle' }
  | { kind: 'mismatch' };

/** Whether a session still carries requests at `now`. Pure. */
export function judgeSession(
  session: PortalSessionDoc,
  expected: { portalUserId: string; portalId: string },
  now: Date,
  idleTimeoutMinutes: number,
): SessionVerdict {
  if (session.portalUserId !== expected.portalUserId || session.portalId !== expected.portalId) {
    return { kind: 'mismatch' };
  }
  if (session.endedAt !== null) return { kind: 'ended' };
  const at = now.getTime();
  if (at >= Date.parse(session.expiresAt)) return { kind: 'expired' };
  const idleFor = at - Date.parse(session.lastSeenAt);
  if (idleFor > idleTimeoutMinutes * 60_000) return { kind: 'idle' };
  return { kind: 'live', touch: idleFor >= lastSeenThrottleMs(idleTimeoutMinutes) };
}
