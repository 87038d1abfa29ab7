import type { JobsOptions } from 'bullmq';

export const EMAIL_QUEUE_NAME = 'email';

export interface EmailRetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** First pause; each retry doubles it, ± half of it at random so a recovering server is not hit at once. */
  backoffDelayMs: number;
}

export const DEFAULT_EMAIL_RETRY_POLICY: EmailRetryPolicy = { attempts: 10, backoffDelayMs: 2_000 };

/** Share of a pause taken off at random (BullMQ's `jitter`). */
export const EMAIL_RETRY_JITTER = 0.5;

const DAY_SECONDS = 86_400;

export function emailJobOptions(jobId: string, policy: EmailRetryPolicy): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffDelayMs, jitter: EMAIL_RETRY_JITTER },
    // Finished jobs stay a while so a replayed event finds its job id taken; after that the
    // worker's check of the delivery stream still stops a second send.
    removeOnComplete: { age: 30 * DAY_SECONDS },
    removeOnFail: { age: 90 * DAY_SECONDS },
  };
}

/**
 * The pause before the next try after `attemptsMade` tries, as BullMQ's exponential backoff with
 * jitter computes it, so both queues retry alike. `random` is in [0, 1).
 */
export function emailRetryDelayMs(policy: EmailRetryPolicy, attemptsMade: number, random: number): number {
  const base = policy.backoffDelayMs * 2 ** Math.max(attemptsMade - 1, 0);
  return Math.round(base * (1 - EMAIL_RETRY_JITTER * random));
}
