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
 * Runs an attempt that only failures count against: 429 once the limits are used up, otherwise
 * the attempt runs and, if it is refused, counts. `counts` narrows which refusals count (default:
 * every refusal), for an endpoint where only one of them is a guess.
 */
export async function failureLimited<T>(
  limiter: RateLimiter,
  limits: RateLimitSubject[],
  reply: FastifyReply,
  attempt: () => Promise<T>,
  counts: (error: unknown) => boolean = isRefusal,
): Promise<T> {
  await limiter.check(limits, reply);
  try {
    return await attempt();
  } catch (error) {
    if (counts(error)) await limiter.record(limits);
    throw error;
  }
}
