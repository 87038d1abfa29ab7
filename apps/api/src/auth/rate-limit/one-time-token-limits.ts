import { hashToken } from '@portal/platform';
import { TOKEN_PER_IP, TOKEN_PER_TOKEN } from './auth-rate-limits';
import type { RateLimitSubject } from './rate-limiter';

/**
 * What a one-time-token attempt (invitation, reset, email confirmation) counts against: the
 * client's address and the token itself, keyed by its hash so the token never reaches the counter.
 */
export function oneTimeTokenLimits(ip: string, token: string): RateLimitSubject[] {
  return [
    { limit: TOKEN_PER_IP, subject: ip },
    { limit: TOKEN_PER_TOKEN, subject: hashToken(token) },
  ];
}
