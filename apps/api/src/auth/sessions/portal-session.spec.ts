import { judgeSession, lastSeenThrottleMs, type PortalSessionDoc } from './portal-session';

const start = new Date('2026-01-01T10:00:00.000Z');
const session: PortalSessionDoc = {
  id: 's1',
  portalUserId: 'u1',
  portalId: 'p1',
  createdAt: start.toISOString(),
  lastSeenAt: start.toISOString(),
  expiresAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
  endedAt: null,
  endReason: null,
};
const owner = { portalUserId: 'u1', portalId: 'p1' };
const after = (ms: number) => new Date(start.getTime() + ms);

describe('judgeSession', () => {
  it('is live right after login, without a lastSeenAt refresh', () => {
    expect(judgeSession(session, owner, after(1_000), 30)).toEqual({ kind: 'live', touch: false });
  });

  it('asks for a lastSeenAt refresh once the throttle interval has passed', () => {
    expect(judgeSession(session, owner, after(lastSeenThrottleMs(30) - 1), 30)).toEqual({
      kind: 'live',
      touch: false,
    });
    expect(judgeSession(session, owner, after(lastSeenThrottleMs(30)), 30)).toEqual({
      kind: 'live',
      touch: true,
    });
  });

  it('refreshes lastSeenAt once a minute at most, more often only for timeouts under ten minutes', () => {
    expect(lastSeenThrottleMs(30)).toBe(60_000);
    expect(lastSeenThrottleMs(24 * 60)).toBe(60_000);
    expect(lastSeenThrottleMs(1)).toBe(6_000);
  });

  it('is idle after the idle timeout without requests, and not a millisecond before', () => {
    expect(judgeSession(session, owner, after(60_000), 1).kind).toBe('live');
    expect(judgeSession(session, owner, after(60_001), 1)).toEqual({ kind: 'idle' });
  });

  it('is expired at its expiry, before idleness is considered', () => {
    expect(judgeSession(session, owner, after(60 * 60_000), 24 * 60)).toEqual({ kind: 'expired' });
    expect(judgeSession(session, owner, after(2 * 60 * 60_000), 1)).toEqual({ kind: 'expired' });
  });

  it('is ended once ended, whatever the clock says', () => {
    const ended = { ...session, endedAt: after(5).toISOString(), endReason: 'logout' as const };
    expect(judgeSession(ended, owner, after(10), 30)).toEqual({ kind: 'ended' });
  });

  it('refuses a session of another user or another portal', () => {
    expect(judgeSession(session, { portalUserId: 'u2', portalId: 'p1' }, after(10), 30)).toEqual({
      kind: 'mismatch',
    });
    expect(judgeSession(session, { portalUserId: 'u1', portalId: 'p2' }, after(10), 30)).toEqual({
      kind: 'mismatch',
    });
  });
});
