import type { RateLimit, RateLimitSubject } from './rate-limiter';

// Logins and one-time tokens count failed attempts only (what guessing produces), so busy but
// honest clients behind one address are never held up; forgot-password counts every request,
// as each may send an email.

/** Failed logins (staff and portal) per email and per client IP. */
export const LOGIN_PER_EMAIL: RateLimit = { name: 'login:email', limit: 10, windowSeconds: 60 };
export const LOGIN_PER_IP: RateLimit = { name: 'login:ip', limit: 50, windowSeconds: 60 };

/** Forgot-password requests per email and per client IP. */
export const FORGOT_PER_EMAIL: RateLimit = { name: 'forgot:email', limit: 10, windowSeconds: 60 };
export const FORGOT_PER_IP: RateLimit = { name: 'forgot:ip', limit: 50, windowSeconds: 60 };

/** Refused one-time tokens (reset, invitation, email confirmation) per client IP and per token. */
export const TOKEN_PER_IP: RateLimit = { name: 'token:ip', limit: 50, windowSeconds: 60 };
export const TOKEN_PER_TOKEN: RateLimit = { name: 'token:token', limit: 10, windowSeconds: 60 };

/**
 * What a guess at a portal user's password counts against, wherever it is presented (the portal
 * login, or the current password asked again before an email change): one budget per email and
 * per client IP, so no endpoint adds guesses to another's.
 */
export function portalPasswordLimits(email: string, ip: string): RateLimitSubject[] {
  return [
    { limit: LOGIN_PER_EMAIL, subject: `portal:${email.toLowerCase()}` },
    { limit: LOGIN_PER_IP, subject: ip },
  ];
}
