/** What the browser keeps of a login: the bearer token and when the API will stop honouring it. */
export interface StoredSession {
  token: string;
  /** Epoch ms when the token expires (the portal's token lifetime). */
  expiresAt: number;
  /** Epoch ms of the last request the API saw: its idle timeout counts from there. */
  lastRequestAt: number;
  /** The portal's idle timeout, once GET /me has told it (so a reloaded page still judges idleness). */
  idleTimeoutMinutes?: number;
}

/**
 * The session of one portal, in sessionStorage: it dies with the tab, is never shared with another
 * portal of the same site, and is not readable by other origins.
 */
export class SessionStore {
  private readonly key: string;

  constructor(
    slug: string,
    private readonly storage: Storage = window.sessionStorage,
  ) {
    this.key = `portal:${slug}:session`;
  }

  get(): StoredSession | null {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? 'null') as StoredSession | null;
      return value && typeof value.token === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  start(token: string, expiresInSeconds: number, now = Date.now()): void {
    this.save({ token, expiresAt: now + expiresInSeconds * 1000, lastRequestAt: now });
  }

  touch(now = Date.now()): void {
    const session = this.get();
    if (session) this.save({ ...session, lastRequestAt: now });
  }

  setIdleTimeout(minutes: number | undefined): void {
    const session = this.get();
    if (session && session.idleTimeoutMinutes !== minutes)
      this.save({ ...session, idleTimeoutMinutes: minutes });
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }

  private save(session: StoredSession): void {
    this.storage.setItem(this.key, JSON.stringify(session));
  }
}

/** Why the browser believes a session is over, judged the way the API judges it. */
export function sessionEndReason(session: StoredSession, now = Date.now()): 'expired' | 'idle' | null {
  if (now >= session.expiresAt) return 'expired';
  const idle = session.idleTimeoutMinutes;
  if (idle && now - session.lastRequestAt > idle * 60_000) return 'idle';
  return null;
}
