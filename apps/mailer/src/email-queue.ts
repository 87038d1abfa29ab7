import type { JobsOptions } from 'bullmq';

export const EMAIL_QUEUE_NAME = 'email';

export interface EmailRetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** First pause; each retry doubles it, ± half of it at random so a recovering server is not hit at once. */
  backoffDelayMs: number;
}

export const DEFAULT_EMAIL_RETRY_POLICY: EmailRetryPolicy = { attempts: 10, backoffDelayMs: 2_000 };

const DAY_SECONDS = 86_400;

export function emailJobOptions(jobId: string, policy: EmailRetryPolicy): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffDelayMs, jitter: 0.5 },
    // Finished jobs stay a while so a replayed event finds its job id taken; after that the
    // worker's check of the delivery stream still stops a second send.
    removeOnComplete: { age: 30 * DAY_SECONDS },
    removeOnFail: { age: 90 * DAY_SECONDS },
  };
}
