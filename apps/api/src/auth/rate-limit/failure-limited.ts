import type { FastifyReply } from 'fastify';
import { DomainError } from '@portal/domain';
import { ProblemException } from '../../http/problem';
import type { RateLimitSubject, RateLimiter } from './rate-limiter';

/** A refusal caused by what the client sent (a wrong password or token), as opposed to a server fault. */
function isRefusal(error: unknown): boolean {
  if (error instanceof DomainError) return true;
  return error instanceof ProblemException && [401, 403, 404, 409, 422].includes(error.problem.status);
}

/**
 * Runs an attempt that only failures count against. The attempt is counted before it runs (one
 * atomic increment per counter, 429 past the limit), so however many arrive at once no more than
 * the limit reach the check; once it succeeds, or is refused for a reason that is no guess, the
 * count is taken back. `counts` narrows which refusals count (default: every refusal).
 */
export async function failureLimited<T>(
  limiter: RateLimiter,
  limits: RateLimitSubject[],
  reply: FastifyReply,
  attempt: () => Promise<T>,
  counts: (error: unknown) => boolean = isRefusal,
): Promise<T> {
  await limiter.consume(limits, reply);
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (!counts(error)) await limiter.release(limits);
    throw error;
  }
  await limiter.release(limits);
  return result;
}
