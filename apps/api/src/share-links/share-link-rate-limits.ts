import type { RateLimit } from '../auth/rate-limit/rate-limiter';

/**
 * Opening links that turn out dead or unknown, per client address: what guessing tokens produces
 * (a 256-bit token cannot be guessed, but nobody should get to try at speed). Views that work are
 * taken back, so a busy office behind one address is never held up.
 */
export const SHARED_VIEW_PER_IP: RateLimit = { name: 'shared:ip', limit: 30, windowSeconds: 60 };
