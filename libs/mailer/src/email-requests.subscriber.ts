import type { EventStore, RecordedEvent, Subscription } from '@portal/event-store';
import {
  CASE_EMAIL_SOURCE_EVENT_TYPES,
  CASE_STREAM_PREFIX,
  caseEmailRequest,
  caseEmailTriggerFor,
  type CaseEmailTrigger,
} from './case-email-request';
import type { CaseRecipient, CaseRecipients } from './case-recipients.port';
import type { CheckpointStore } from './checkpoint-store.port';
import { EMAIL_SOURCE_EVENT_TYPES, emailJobId, emailRequestFor, type EmailRequest } from './email-request';
import type { EmailQueue } from './email-queue.port';
import type { MailerLogger } from './mailer-logger';
import type { PendingEmail } from './pending-emails.port';

export interface EmailRequestsSubscriberOptions {
  events: EventStore;
  queue: EmailQueue;
  checkpoints: CheckpointStore;
  /** Without it, case events mail nobody (and are not even read). */
  recipients?: CaseRecipients;
  logger: MailerLogger;
  /** Pause before retrying an enqueue or restarting the subscription: doubles up to the max. */
  initialRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

class SubscriberStopping extends Error {
  override readonly name = 'SubscriberStopping';
}

/**
 * Follows the event store from its checkpoint and turns each event that asks for an email into
 * email jobs whose ids come from the event (and the recipient), so a replay enqueues nothing
 * twice. The checkpoint moves past an event only after its jobs are in the queue, and together with the
 * jobs' pending entries (which the sweeper uses should Redis lose them): while the queue is away, or the
 * read models that name a case's recipients lag behind, it waits and retries.
 */
export class EmailRequestsSubscriber {
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly stopSignal: Promise<never>;
  private signalStop!: () => void;
  private readonly initialDelay: number;
  private readonly maxDelay: number;

  constructor(private readonly options: EmailRequestsSubscriberOptions) {
    this.initialDelay = options.initialRetryDelayMs ?? 500;
    this.maxDelay = options.maxRetryDelayMs ?? 15_000;
    this.stopSignal = new Promise<never>((_resolve, reject) => {
      this.signalStop = () => reject(new SubscriberStopping('mailer stopping'));
    });
    this.stopSignal.catch(() => undefined);
  }

  /** Position of the last event handled in this run. */
  get position(): number | undefined {
    return this.subscription?.position;
  }

  /** Resolves once the current subscription has caught up with the store's head. */
  get caughtUp(): Promise<void> {
    return this.subscription?.caughtUp ?? Promise.resolve();
  }

  async start(): Promise<void> {
    if (this.running) return;
    const first = await this.subscribe();
    this.running = this.supervise(first);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signalStop();
    await this.subscription?.stop().catch(() => undefined);
    await this.running;
  }

  private async subscribe(): Promise<Subscription> {
    const after = await this.options.checkpoints.load();
    const cases = this.options.recipients !== undefined;
    const filter = {
      streamPrefixes: cases ? ['portalUser-', CASE_STREAM_PREFIX] : ['portalUser-'],
      eventTypes: cases
        ? [...EMAIL_SOURCE_EVENT_TYPES, ...CASE_EMAIL_SOURCE_EVENT_TYPES]
        : EMAIL_SOURCE_EVENT_TYPES,
    };
    this.subscription = this.options.events.subscribe({ after, filter }, (event) => this.handle(event));
    return this.subscription;
  }

  // A failed subscription (store or checkpoint unreachable) is restarted from the stored checkpoint.
  private async supervise(first: Subscription): Promise<void> {
    let current: Subscription | undefined = first;
    for (let failures = 1; !this.stopping; failures++) {
      try {
        current ??= await this.subscribe();
        await current.done;
        return;
      } catch (error) {
        if (this.stopping) return;
        current = undefined;
        const delay = this.delay(failures);
        this.options.logger.error(
          `email subscription stopped (${(error as Error).message}); restarting in ${delay} ms`,
        );
        if (!(await this.sleep(delay))) return;
      }
    }
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const requests: EmailRequest[] = [];
    const request = emailRequestFor(event);
    if (request) requests.push(request);
    const trigger = this.options.recipients ? caseEmailTriggerFor(event) : undefined;
    if (trigger) {
      for (const recipient of await this.recipientsOf(event, trigger))
        requests.push(caseEmailRequest(event, trigger, recipient));
    }
    const enqueued: PendingEmail[] = [];
    for (const r of requests) enqueued.push(await this.enqueue(r));
    await this.options.checkpoints.save(event.position, enqueued);
  }

  /** Asks until the read models have caught up with the event and answer; never skips the event. */
  private async recipientsOf(event: RecordedEvent, trigger: CaseEmailTrigger): Promise<CaseRecipient[]> {
    const recipients = this.options.recipients!;
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new SubscriberStopping('mailer stopping');
      try {
        const found = await Promise.race([recipients.forCaseEvent(trigger), this.stopSignal]);
        if (attempt > 1) this.options.logger.log(`recipients of ${trigger.kind} event ${event.id} found`);
        return found;
      } catch (error) {
        if (error instanceof SubscriberStopping) throw error;
        const delay = this.delay(attempt);
        this.options.logger.warn(
          `recipients of ${trigger.kind} event ${event.id}: ${(error as Error).message}; retrying in ${delay} ms`,
        );
        if (!(await this.sleep(delay))) throw new SubscriberStopping('mailer stopping');
      }
    }
  }

  private async enqueue(request: EmailRequest): Promise<PendingEmail> {
    const jobId = emailJobId(request);
    const waiting = `mailer waiting for ${this.options.queue.description}`;
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new SubscriberStopping('mailer stopping');
      // A queue that never got its first connection waits instead of failing: warn while it does.
      const slow = setInterval(() => this.options.logger.warn(`${waiting} (job ${jobId})`), 5_000);
      try {
        await Promise.race([this.options.queue.add(jobId, request), this.stopSignal]);
        if (attempt > 1) this.options.logger.log(`queue is back: enqueued job ${jobId}`);
        return { jobId, request, enqueuedAt: new Date().toISOString() };
      } catch (error) {
        if (error instanceof SubscriberStopping) throw error;
        const delay = this.delay(attempt);
        this.options.logger.warn(
          `${waiting}: ${(error as Error).message}; retrying job ${jobId} in ${delay} ms`,
        );
        if (!(await this.sleep(delay))) throw new SubscriberStopping('mailer stopping');
      } finally {
        clearInterval(slow);
      }
    }
  }

  private delay(attempt: number): number {
    const base = Math.min(this.initialDelay * 2 ** (attempt - 1), this.maxDelay);
    return Math.round(base / 2 + (Math.random() * base) / 2);
  }

  /** Resolves false if the subscriber is stopped meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), ms);
      }),
      this.stopSignal.catch(() => false),
    ]).finally(() => clearTimeout(timer));
  }
}
