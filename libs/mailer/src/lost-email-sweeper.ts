import type { EventStore } from '@portal/event-store';
import { emailDeliveryStream } from './email-request';
import type { EmailQueue } from './email-queue.port';
import type { MailerLogger } from './mailer-logger';
import type { PendingEmails } from './pending-emails.port';
import { enqueueTraced } from './traced-enqueue';

export interface LostEmailSweeperOptions {
  queue: EmailQueue;
  pending: PendingEmails;
  events: EventStore;
  logger: MailerLogger;
  /** Jobs this process is sending right now: left alone. */
  isActive: (jobId: string) => boolean;
  /** Pause between sweeps. */
  intervalMs: number;
  /** Pending entries looked at per sweep, oldest first. */
  batchSize?: number;
}

export interface SweepResult {
  checked: number;
  /** Jobs Redis no longer knew: added again. */
  requeued: number;
  /** Jobs Redis had failed without an outcome in the event store (stalled too often): retried. */
  retried: number;
  /** Entries whose outcome was already recorded: removed from the list. */
  settled: number;
}

/**
 * Puts back what the queue forgot. Each sweep compares the oldest pending jobs with the queue: a job
 * the queue does not know and whose outcome is not in the event store was lost (Redis restarted
 * without its data, or the in-process queue went with its process), so it is added again under the
 * same id; the delivery stream still stops a second send of anything that did go out. Runs at
 * start, on a timer and whenever Redis comes back.
 */
export class LostEmailSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepResult | undefined> | undefined;
  private again = false;
  private stopped = false;
  private lastError = '';

  constructor(private readonly options: LostEmailSweeperOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Sweeps as soon as the running sweep (if any) is done: Redis just came back. */
  trigger(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep; throws when Redis or the stores do not answer. */
  async sweep(): Promise<SweepResult> {
    const o = this.options;
    const result: SweepResult = { checked: 0, requeued: 0, retried: 0, settled: 0 };
    const settled: string[] = [];
    for (const { jobId, request, dueAt } of await o.pending.list(o.batchSize ?? 500)) {
      if (this.stopped) break;
      // A case email whose coalescing window is open is not due in the queue yet.
      if (o.isActive(jobId) || dueAt !== undefined) continue;
      result.checked++;
      const state = await o.queue.state(jobId);
      if (state !== 'unknown' && state !== 'failed' && state !== 'completed') continue;
      if (await this.hasOutcome(jobId)) {
        settled.push(jobId);
      } else if (state === 'unknown') {
        await enqueueTraced(o.queue, jobId, request);
        result.requeued++;
      } else if (state === 'failed') {
        await o.queue.retry(jobId);
        result.retried++;
      }
    }
    await o.pending.settle(settled);
    result.settled = settled.length;
    if (result.requeued + result.retried > 0) {
      o.logger.warn(
        `email sweep: ${result.requeued} job(s) lost by Redis enqueued again, ${result.retried} stalled job(s) retried ` +
          `(${result.checked} pending checked)`,
      );
    }
    return result;
  }

  private async hasOutcome(jobId: string): Promise<boolean> {
    const history = await this.options.events.readStream(emailDeliveryStream(jobId));
    // EmailDeliveryFailed is written only when the worker gives up (permanent, or the last attempt).
    return history.some((e) => e.type === 'EmailDelivered' || e.type === 'EmailDeliveryFailed');
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.running = this.sweep().then(
      (result) => {
        this.lastError = '';
        return result;
      },
      (error: unknown) => {
        // While Redis is away every sweep fails the same way: say it once.
        const message = (error as Error).message;
        if (message !== this.lastError) this.options.logger.warn(`email sweep postponed: ${message}`);
        this.lastError = message;
        return undefined;
      },
    );
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    const again = this.again;
    this.again = false;
    this.schedule(again ? 0 : this.options.intervalMs);
  }
}
