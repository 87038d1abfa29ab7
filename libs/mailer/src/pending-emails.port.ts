import type { EmailRequest } from './email-request';

/** An email job the subscriber has put in Redis and whose outcome is not in the event store yet. */
export interface PendingEmail {
  jobId: string;
  request: EmailRequest;
  /** ISO time the job was enqueued: the sweeper looks at the oldest first. */
  enqueuedAt: string;
  /**
   * Set while a case email's coalescing window is open: the job is not in the queue yet and goes
   * there at this ISO time, carrying every update of the window. The sweeper leaves it alone.
   */
  dueAt?: string;
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
  /** The entries whose window is still open (`dueAt` set), for the subscriber to pick up again. */
  scheduled(): Promise<PendingEmail[]>;
  /** Their window closed and they are in the queue now: written again without `dueAt`. */
  release(entries: PendingEmail[]): Promise<void>;
}

export interface PendingEmailsSummary {
  /** In the queue or about to be: what the mailer owes now. */
  count: number;
  oldestEnqueuedAt: string | null;
  /** Case emails waiting for their coalescing window to close. */
  scheduled: number;
}
