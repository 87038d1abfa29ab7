import type { EventFilter, EventStore, RecordedEvent, Subscription } from '@portal/event-store';
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
  /** Shared with the worker: each batch of events waits for its slice of the event loop. */
  turns?: EventLoopTurns;
  /**
   * Events handled together (MAILER_BATCH_SIZE, default 32): their recipients read at once, their
   * jobs' ledger entries and the checkpoint written in one transaction.
   */
  batchSize?: number;
}

/** Default events per batch of the subscriber. */
export const DEFAULT_SUBSCRIBER_BATCH_SIZE = 32;

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
  private readonly batchSize: number;
  private filter: EventFilter | undefined;
  /** The last event of the batch handled last: the subscription's next calls up to it are done. */
  private handledThrough = -1;

  constructor(private readonly options: EmailRequestsSubscriberOptions) {
    this.turns = options.turns ?? new EventLoopTurns();
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_SUBSCRIBER_BATCH_SIZE);
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
    this.filter = filter;
    this.handledThrough = -1;
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

  /**
   * The event and those right after it that ask for emails (up to a batch): recipients read for
   * all at once, jobs queued in order, then their ledger entries and the checkpoint past the last
   * in one write. The subscription's calls for the events of the batch then return at once.
   */
  private async handle(event: RecordedEvent): Promise<void> {
    if (event.position <= this.handledThrough) return;
    await this.turns.take();
    const batch = await this.readAhead(event);
    const planned = await Promise.all(batch.map((e) => this.plan(e)));
    const enqueued: PendingEmail[] = [];
    const scheduled: PendingEmail[] = [];
    for (const { event: e, requests, trigger, recipients } of planned) {
      for (const recipient of recipients) {
        if (this.windows) scheduled.push(this.windows.add(e, trigger!, recipient, this.now()));
        else requests.push(caseEmailRequest(e, trigger!, recipient));
      }
      for (const r of requests) enqueued.push(await this.enqueue(r));
    }
    const last = batch[batch.length - 1]!.position;
    // A window that several events of the batch joined is written once, as it is after the last.
    const entries = new Map([...enqueued, ...scheduled].map((entry) => [entry.jobId, entry]));
    await this.options.checkpoints.save(last, [...entries.values()]);
    this.handledThrough = last;
  }

  /** The event and up to a batch's worth of the next ones the subscription would deliver. */
  private async readAhead(event: RecordedEvent): Promise<RecordedEvent[]> {
    if (this.batchSize === 1) return [event];
    const next = await this.options.events.readAll({
      after: event.position,
      filter: this.filter,
      limit: this.batchSize - 1,
    });
    return [event, ...next];
  }

  /** What one event asks for: its own email, or its case's recipients (read as of the event). */
  private async plan(event: RecordedEvent): Promise<{
    event: RecordedEvent;
    requests: EmailRequest[];
    trigger: CaseEmailTrigger | undefined;
    recipients: CaseRecipient[];
  }> {
    const request = emailRequestFor(event);
    const trigger = this.options.recipients ? caseEmailTriggerFor(event) : undefined;
    const recipients = trigger ? await this.recipientsOf(event, trigger) : [];
    return { event, requests: request ? [request] : [], trigger, recipients };
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
