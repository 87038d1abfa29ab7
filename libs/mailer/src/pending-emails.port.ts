import type { EmailRequest } from './email-request';

/** An email job the subscriber has put in Redis and whose outcome is not in the event store yet. */
export interface PendingEmail {
  jobId: string;
  request: EmailRequest;
  /** ISO time the job was enqueued: the sweeper looks at the oldest first. */
  enqueuedAt: string;
}

/**
 * The durable list of email jobs in flight. Redis may lose jobs (a restart without persistence, the
 * last second of an append-only file, a flush): the sweeper compares this list with the queue and
 * enqueues again what Redis forgot. The subscriber adds to it together with its checkpoint; the
 * worker settles an entry once the delivery outcome is in the event store.
 */
export interface PendingEmails {
  /** Oldest first. */
  list(limit: number): Promise<PendingEmail[]>;
  settle(jobIds: string[]): Promise<void>;
  /** How many are pending and since when the oldest is (for /health). */
  summary(): Promise<PendingEmailsSummary>;
}

export interface PendingEmailsSummary {
  count: number;
  oldestEnqueuedAt: string | null;
}
