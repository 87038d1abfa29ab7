import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header carries METRICS_TOKEN. Compared as digests: equal lengths, and
 * no timing that tells how much of the token matched.
 */
export function bearerMatches(header: unknown, token: string | undefined): boolean {
  if (!token || typeof header !== 'string' || !/^Bearer /i.test(header)) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}
