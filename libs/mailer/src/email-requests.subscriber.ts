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
import { CaseEmailWindows } from './case-email-windows';
import { EventLoopTurns } from './event-loop-turns';
import type { PendingEmail, PendingEmails } from './pending-emails.port';
import { enqueueTraced } from './traced-enqueue';

export interface EmailRequestsSubscriberOptions {
  events: EventStore;
  queue: EmailQueue;
  checkpoints: CheckpointStore & Pick<PendingEmails, 'scheduled' | 'release'>;
  /** Without it, case events mail nobody (and are not even read). */
  recipients?: CaseRecipients;
  logger: MailerLogger;
  /** Pause before retrying an enqueue or restarting the subscription: doubles up to the max. */
  initialRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Updates of one case for one recipient within this window go out as one email, when the window
   * closes. 0 (the default): each update is queued at once.
   */
  coalesceWindowMs?: number;
  now?: () => Date;
  /** Shared with the worker: each event waits for its slice of the event loop. */
  turns?: EventLoopTurns;
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
  private readonly windows: CaseEmailWindows | undefined;
  private releaseTimer: NodeJS.Timeout | undefined;
  /** Handling an event and releasing windows take turns: both change the open windows. */
  private turn: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly turns: EventLoopTurns;

  constructor(private readonly options: EmailRequestsSubscriberOptions) {
    this.turns = options.turns ?? new EventLoopTurns();
    this.initialDelay = options.initialRetryDelayMs ?? 500;
    this.maxDelay = options.maxRetryDelayMs ?? 15_000;
    const windowMs = options.coalesceWindowMs ?? 0;
    this.windows = windowMs > 0 && options.recipients ? new CaseEmailWindows(windowMs) : undefined;
    this.now = options.now ?? (() => new Date());
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
    const windows = this.windows;
    if (windows) {
      // Often enough that a window closes within a tenth of its length (at most a second) late.
      const every = Math.max(20, Math.min(1_000, Math.floor(windows.windowMs / 10)));
      this.releaseTimer = setInterval(() => void this.exclusive(() => this.releaseDue()), every);
      this.releaseTimer.unref();
    }
  }

  /** Case emails waiting for their window to close. */
  get scheduledEmails(): number {
    return this.windows?.size ?? 0;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.releaseTimer);
    this.signalStop();
    await this.subscription?.stop().catch(() => undefined);
    await this.running;
  }

  private async subscribe(): Promise<Subscription> {
    const after = await this.options.checkpoints.load();
    // The ledger holds the windows as of the checkpoint: events after it are handled again.
    if (this.windows) {
      const scheduled = await this.options.checkpoints.scheduled();
      await this.exclusive(async () => this.windows!.reset(scheduled));
    }
    const cases = this.options.recipients !== undefined;
    const filter = {
      streamPrefixes: cases ? ['portalUser-', CASE_STREAM_PREFIX] : ['portalUser-'],
      eventTypes: cases
        ? [...EMAIL_SOURCE_EVENT_TYPES, ...CASE_EMAIL_SOURCE_EVENT_TYPES]
        : EMAIL_SOURCE_EVENT_TYPES,
    };
    this.subscription = this.options.events.subscribe({ after, filter }, (event) =>
      this.exclusive(() => this.handle(event)),
    );
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
    await this.turns.take();
    const requests: EmailRequest[] = [];
    const request = emailRequestFor(event);
    if (request) requests.push(request);
    const trigger = this.options.recipients ? caseEmailTriggerFor(event) : undefined;
    const scheduled: PendingEmail[] = [];
    if (trigger) {
      for (const recipient of await this.recipientsOf(event, trigger)) {
        if (this.windows) scheduled.push(this.windows.add(event, trigger, recipient, this.now()));
        else requests.push(caseEmailRequest(event, trigger, recipient));
      }
    }
    const enqueued: PendingEmail[] = [];
    for (const r of requests) enqueued.push(await this.enqueue(r));
    await this.options.checkpoints.save(event.position, [...enqueued, ...scheduled]);
  }

  /**
   * The emails whose window has closed: their ledger entries are written without `dueAt` first (the
   * mailer owes them now), then they are queued. A crash or a queue outage in between leaves them
   * to the sweeper, which queues what the ledger owes and the queue does not know, under the same
   * job ids. The other order would let a fast send settle an entry that the write then brings back.
   */
  private async releaseDue(): Promise<void> {
    const due = this.windows?.due(this.now()) ?? [];
    if (due.length === 0 || this.stopping) return;
    try {
      await this.options.checkpoints.release(due);
    } catch (error) {
      this.options.logger.warn(`releasing coalesced case emails: ${(error as Error).message}; retrying`);
      return;
    }
    this.windows!.released(due);
    for (const entry of due) {
      try {
        await enqueueTraced(this.options.queue, entry.jobId, entry.request);
      } catch (error) {
        this.options.logger.warn(
          `queueing coalesced case email ${entry.jobId}: ${(error as Error).message}; the sweeper will`,
        );
      }
    }
  }

  private exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
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
        await Promise.race([enqueueTraced(this.options.queue, jobId, request), this.stopSignal]);
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
