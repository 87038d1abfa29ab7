import type { EmailRequest } from './email-request';

/** One email job as its handler sees it. */
export interface EmailJob {
  id: string;
  request: EmailRequest;
  /** Tries made before this one. */
  attemptsMade: number;
  /** Tries in all, the first included. */
  attempts: number;
}

/** Where a job is; `unknown`: the queue does not know the id (never added, removed, or lost). */
export type EmailJobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

/** Thrown by a handler for a job no retry can fix: the queue fails it at once. */
export class PermanentJobFailure extends Error {
  override readonly name = 'PermanentJobFailure';
}

/** How many jobs the queue holds in each state that still matters (for /metrics). */
export interface EmailQueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export type EmailJobHandler = (job: EmailJob) => Promise<unknown>;

/**
 * The queue between the subscriber (which adds a job per email, with an id from the event) and the
 * worker that sends it: retries with backoff, at most one job per id while the queue remembers it.
 * What a queue may forget, the pending-email ledger and the sweeper put back.
 */
export interface EmailQueue {
  /** For logs and /health, without secrets: e.g. `Redis at redis://host:6379`, `in-process`. */
  readonly description: string;
  /** Adds the job unless the queue knows its id already. May throw while the queue is unreachable. */
  add(jobId: string, request: EmailRequest): Promise<void>;
  state(jobId: string): Promise<EmailJobState>;
  /** Jobs per state now; read at scrape time. May throw while the queue is unreachable. */
  counts(): Promise<EmailQueueCounts>;
  /** Runs a failed job again (its tries so far still count, as in BullMQ). */
  retry(jobId: string): Promise<void>;
  /** Starts running jobs with the handler (once). */
  work(handler: EmailJobHandler): void;
  /** `ready` when jobs can be added now; else what its connection does (`reconnecting`, …). */
  status(): string;
  /** Called each time the queue's store comes back after an outage (it may have come back empty). */
  onReconnect(listener: () => void): void;
  /** Stops taking jobs; lets running ones finish for up to `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
}
