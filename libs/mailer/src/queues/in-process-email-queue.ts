import type { EmailRequest } from '../email-request';
import { emailRetryDelayMs, type EmailRetryPolicy } from '../email-queue';
import {
  PermanentJobFailure,
  type EmailJobHandler,
  type EmailJobState,
  type EmailQueue,
  type EmailQueueCounts,
} from '../email-queue.port';

export interface InProcessEmailQueueOptions {
  retryPolicy: EmailRetryPolicy;
  /** Jobs sent at once. Default 4, as the BullMQ worker. */
  concurrency?: number;
  /** For the jitter of retry pauses; tests pin it. */
  random?: () => number;
}

interface QueuedJob {
  request: EmailRequest;
  state: Exclude<EmailJobState, 'unknown' | 'completed'>;
  attemptsMade: number;
  timer?: NodeJS.Timeout;
}

/**
 * The email queue of a process without Redis (`npm start` with REDIS_URL unset): jobs live in
 * memory, with the same retries and backoff as BullMQ. A restart forgets them; the mailer's durable
 * pending-email ledger still lists them, so the sweeper adds them again on start, and the delivery
 * stream keeps a job from mailing twice. Completed jobs are dropped at once for the same reason.
 */
export class InProcessEmailQueue implements EmailQueue {
  readonly description = 'in-process';
  private readonly jobs = new Map<string, QueuedJob>();
  private readonly ready: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private handler: EmailJobHandler | undefined;
  private closed = false;
  private readonly concurrency: number;
  private readonly random: () => number;

  constructor(private readonly options: InProcessEmailQueueOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.random = options.random ?? Math.random;
  }

  add(jobId: string, request: EmailRequest): Promise<void> {
    if (this.closed) return Promise.reject(new Error('email queue closed'));
    if (!this.jobs.has(jobId)) {
      this.jobs.set(jobId, { request, state: 'waiting', attemptsMade: 0 });
      this.ready.push(jobId);
      this.pump();
    }
    return Promise.resolve();
  }

  state(jobId: string): Promise<EmailJobState> {
    return Promise.resolve(this.jobs.get(jobId)?.state ?? 'unknown');
  }

  counts(): Promise<EmailQueueCounts> {
    const counts: EmailQueueCounts = { waiting: 0, active: 0, delayed: 0, failed: 0 };
    for (const job of this.jobs.values()) counts[job.state] += 1;
    return Promise.resolve(counts);
  }

  retry(jobId: string): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job?.state === 'failed' && !this.closed) {
      job.state = 'waiting';
      this.ready.push(jobId);
      this.pump();
    }
    return Promise.resolve();
  }

  work(handler: EmailJobHandler): void {
    this.handler ??= handler;
    this.pump();
  }

  status(): string {
    return this.closed ? 'closed' : 'ready';
  }

  /** Memory does not go away and come back. */
  onReconnect(): void {}

  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) clearTimeout(job.timer);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.running), timeout]).finally(() => clearTimeout(timer));
  }

  private pump(): void {
    const handler = this.handler;
    while (handler && !this.closed && this.running.size < this.concurrency && this.ready.length > 0) {
      const jobId = this.ready.shift()!;
      const job = this.jobs.get(jobId);
      if (job?.state !== 'waiting') continue;
      const run = this.run(handler, jobId, job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(handler: EmailJobHandler, jobId: string, job: QueuedJob): Promise<void> {
    job.state = 'active';
    const attempts = this.options.retryPolicy.attempts;
    try {
      await handler({ id: jobId, request: job.request, attemptsMade: job.attemptsMade, attempts });
      this.jobs.delete(jobId);
    } catch (error) {
      job.attemptsMade++;
      if (error instanceof PermanentJobFailure || job.attemptsMade >= attempts || this.closed) {
        // After close() nothing is retried here: the ledger brings the job back on the next start.
        job.state = 'failed';
        return;
      }
      job.state = 'delayed';
      const delay = emailRetryDelayMs(this.options.retryPolicy, job.attemptsMade, this.random());
      job.timer = setTimeout(() => {
        job.timer = undefined;
        job.state = 'waiting';
        this.ready.push(jobId);
        this.pump();
      }, delay);
    }
  }
}
