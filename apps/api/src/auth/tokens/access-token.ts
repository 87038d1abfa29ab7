import { createSecretKey, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';

/** The only algorithm accepted when verifying and used when signing: `none` and every other alg are refused. */
export const ACCESS_TOKEN_ALGORITHMS = ['HS256'] as const;

const keys = new Map<string, KeyObject>();

/**
 * The HMAC key of a JWT secret, made once per secret. Given the secret as a string, jsonwebtoken
 * first tries it as a PEM public (or private) key on every call, and that attempt throws and is
 * caught each time: a few percent of a scoped list's CPU. A KeyObject skips the attempt.
 */
export function accessTokenKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export const STAFF_AUDIENCE = 'staff';
export const STAFF_TOKEN_LIFETIME_SECONDS = 60 * 60;

/** A portal token is bound to one portal: its audience names the portal's id, not its (mutable) slug. */
export function portalAudience(portalId: string): string {
  return `portal:${portalId}`;
}

export interface StaffTokenClaims {
  sub: string;
  aud: typeof STAFF_AUDIENCE;
  exp: number;
  iat?: number;
}

export interface PortalTokenClaims {
  sub: string;
  aud: string;
  /** The server-side session; logging out or idling ends it, and the token with it. */
  sid: string;
  exp: number;
  iat?: number;
}

export interface IssuedToken {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
}

export function signStaffToken(secret: string, staffUserId: string, now: Date): IssuedToken {
  const accessToken = sign({ iat: Math.floor(now.getTime() / 1000) }, accessTokenKey(secret), {
    algorithm: ACCESS_TOKEN_ALGORITHMS[0],
    audience: STAFF_AUDIENCE,
    subject: staffUserId,
    expiresIn: STAFF_TOKEN_LIFETIME_SECONDS,
  });
  return { accessToken, expiresIn: STAFF_TOKEN_LIFETIME_SECONDS };
}

export function signPortalToken(
  secret: string,
  claims: { portalUserId: string; portalId: string; sessionId: string },
  now: Date,
  lifetimeSeconds: number,
): IssuedToken {
  const accessToken = sign(
    { sid: claims.sessionId, iat: Math.floor(now.getTime() / 1000) },
    accessTokenKey(secret),
    {
      algorithm: ACCESS_TOKEN_ALGORITHMS[0],
      audience: portalAudience(claims.portalId),
      subject: claims.portalUserId,
      expiresIn: lifetimeSeconds,
    },
  );
  return { accessToken, expiresIn: lifetimeSeconds };
}

/** jsonwebtoken accepts tokens without `exp`; ours must always carry one. */
export function hasRequiredClaims(payload: unknown): payload is { sub: string; aud: string; exp: number } {
  if (payload === null || typeof payload !== 'object') return false;
  const p = payload as Record<string, unknown>;
  return (
    typeof p.sub === 'string' &&
    p.sub.length > 0 &&
    typeof p.aud === 'string' &&
    typeof p.exp === 'number' &&
    Number.isFinite(p.exp)
  );
}
