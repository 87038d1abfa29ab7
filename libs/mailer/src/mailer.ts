import { join } from 'node:path';
import type { EventStore } from '@portal/event-store';
import { deploymentPrefix } from '@portal/platform';
import { withSpans } from '@portal/tracing';
import type { CaseRecipients } from './case-recipients.port';
import type { CheckpointStore } from './checkpoint-store.port';
import type { ComposerSettings } from './email-composer';
import { DEFAULT_EMAIL_RETRY_POLICY, type EmailRetryPolicy } from './email-queue';
import type { EmailQueue, EmailQueueCounts } from './email-queue.port';
import { EmailRequestsSubscriber } from './email-requests.subscriber';
import { EventLoopTurns } from './event-loop-turns';
import { BatchedStreamReads } from './batched-stream-reads';
import { EventStoreMailDirectory } from './event-store-mail-directory';
import type { MailDirectory } from './mail-directory.port';
import { consoleMailerLogger, type MailerLogger } from './mailer-logger';
import type { MailerObserver } from './mailer-observer';
import { SendEmailProcessor } from './send-email.worker';
import { LostEmailSweeper } from './lost-email-sweeper';
import type { PendingEmails } from './pending-emails.port';
import { BullMqEmailQueue } from './queues/bullmq-email-queue';
import { InProcessEmailQueue } from './queues/in-process-email-queue';
import type { MailTransport } from './transports/mail-transport';
import { OutboxTransport } from './transports/outbox.transport';
import { SmtpTransport } from './transports/smtp.transport';

export interface MailerOptions extends ComposerSettings {
  events: EventStore;
  /** The subscriber's checkpoint and the jobs in flight, written together. */
  checkpoints: CheckpointStore & PendingEmails;
  /** BullMQ's Redis (REDIS_URL); unset: jobs queue in this process, on top of the pending-email ledger. */
  redisUrl?: string;
  /** SMTP_URL; unset: .eml files in DATA_DIR/outbox. Ignored when `transport` is given. */
  smtpUrl?: string;
  /** Connections the SMTP pool keeps open (SMTP_MAX_CONNECTIONS). */
  smtpMaxConnections?: number;
  dataDir: string;
  /** Redis key prefix of the queue (QUEUE_PREFIX; tests use a random one). Default: derived from the event store's identity. */
  queuePrefix?: string;
  queueName?: string;
  directory?: MailDirectory;
  /** Who hears about case status changes and staff replies; unset: no case emails. */
  recipients?: CaseRecipients;
  transport?: MailTransport;
  retryPolicy?: EmailRetryPolicy;
  /** Emails sent at once (MAILER_CONCURRENCY). */
  concurrency?: number;
  /**
   * Events the subscriber handles together, and outcomes and settlements written together
   * (MAILER_BATCH_SIZE; default 32).
   */
  batchSize?: number;
  /**
   * Status changes and replies of one case for one recipient within this window become one email,
   * sent when it closes (CASE_EMAIL_WINDOW_SECONDS). Default 0: each goes out at once.
   */
  coalesceWindowMs?: number;
  logger?: MailerLogger;
  /** Told of each delivery, retry and final failure (the email counters of /metrics). */
  observer?: MailerObserver;
  /** How long stop() lets running sends finish. Default 30 s. */
  shutdownTimeoutMs?: number;
  /** Pauses of the subscriber's Redis retries, ms. */
  initialRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Pause between two looks for jobs Redis lost. Default 60 s (and at once when Redis comes back). */
  sweepIntervalMs?: number;
  /** BullMQ's job lock and stalled-job check, ms (defaults 30 s each): how soon a job cut short by a Redis restart runs again. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface MailerHealth {
  status: 'up' | 'degraded';
  /** Without Redis: `in-process`. */
  queue?: 'in-process';
  /** With Redis: ioredis's connection status, `ready`, `reconnecting`, … */
  redis?: string;
  transport: string;
  pendingEmails: number;
  oldestPendingSince: string | null;
  /** Case emails waiting for their coalescing window to close (not owed yet). */
  scheduledEmails: number;
}

export function defaultMailTransport(
  smtpUrl: string | undefined,
  dataDir: string,
  smtpMaxConnections?: number,
): MailTransport {
  return smtpUrl
    ? new SmtpTransport(smtpUrl, smtpMaxConnections)
    : new OutboxTransport(join(dataDir, 'outbox'));
}

/**
 * The mailer: a subscriber that turns events into email jobs, and a worker that sends them. A
 * plain class, so the composition root (libs/runtime), a Nest module or a test can run it.
 */
export class Mailer {
  private queue: EmailQueue | undefined;
  private subscriber: EmailRequestsSubscriber | undefined;
  private sweeper: LostEmailSweeper | undefined;
  private processor: SendEmailProcessor | undefined;
  private prefix: string | undefined;
  private readonly logger: MailerLogger;
  readonly transport: MailTransport;

  constructor(private readonly options: MailerOptions) {
    this.logger = options.logger ?? consoleMailerLogger;
    this.transport =
      options.transport ?? defaultMailTransport(options.smtpUrl, options.dataDir, options.smtpMaxConnections);
  }

  async start(): Promise<void> {
    if (this.subscriber) return;
    const o = this.options;
    const retryPolicy = o.retryPolicy ?? DEFAULT_EMAIL_RETRY_POLICY;
    // Tracing on: a span per add, count and state look inside traced work (BullMQ's Redis calls under it).
    const queue = withSpans(await this.openQueue(retryPolicy), 'emailQueue', {
      skip: ['work', 'onReconnect', 'status', 'close'],
    });
    this.queue = queue;
    // One budget for both: in `npm start` they share the event loop with the API.
    const turns = new EventLoopTurns();
    // One batch of stream reads for the jobs at work: delivery histories, updates and recipients.
    const reads = new BatchedStreamReads(o.events);
    const processor = new SendEmailProcessor({
      turns,
      reads,
      events: o.events,
      directory: o.directory ?? new EventStoreMailDirectory(o.events, reads),
      recipients: o.recipients,
      transport: this.transport,
      composer: { publicUrl: o.publicUrl, tokenSecret: o.tokenSecret, fromAddress: o.fromAddress },
      logger: this.logger,
      pending: o.checkpoints,
      observer: o.observer,
      batchMaxItems: o.batchSize,
    });
    this.processor = processor;
    queue.work((job) => processor.process(job));
    const sweeper = new LostEmailSweeper({
      queue,
      pending: o.checkpoints,
      events: o.events,
      logger: this.logger,
      isActive: (jobId) => processor.isActive(jobId),
      intervalMs: o.sweepIntervalMs ?? 60_000,
    });
    this.sweeper = sweeper;
    // A Redis that comes back may have come back empty: look for lost jobs at once.
    queue.onReconnect(() => sweeper.trigger());
    this.subscriber = new EmailRequestsSubscriber({
      events: o.events,
      queue,
      checkpoints: o.checkpoints,
      recipients: o.recipients,
      logger: this.logger,
      initialRetryDelayMs: o.initialRetryDelayMs,
      maxRetryDelayMs: o.maxRetryDelayMs,
      coalesceWindowMs: o.coalesceWindowMs,
      turns,
      batchSize: o.batchSize,
    });
    await this.subscriber.start();
    sweeper.start();
    this.logger.log(
      `mailer started: jobs queue ${queue.description === 'in-process' ? 'in this process' : `in ${queue.description}`}, mail goes to ${this.transport.description}`,
    );
  }

  /** BullMQ when REDIS_URL is set; else in this process (the sweeper's first run re-adds what a restart lost). */
  private async openQueue(retryPolicy: EmailRetryPolicy): Promise<EmailQueue> {
    const o = this.options;
    if (o.redisUrl === undefined) return new InProcessEmailQueue({ retryPolicy, concurrency: o.concurrency });
    const prefix = await deploymentPrefix(o.queuePrefix, () => o.events.identity());
    this.prefix = prefix;
    return new BullMqEmailQueue({
      redisUrl: o.redisUrl,
      prefix,
      queueName: o.queueName,
      retryPolicy,
      logger: this.logger,
      concurrency: o.concurrency,
      lockDurationMs: o.lockDurationMs,
      stalledIntervalMs: o.stalledIntervalMs,
    });
  }

  /**
   * For /health: degraded while Redis is away (emails wait, nothing is lost), with how many emails
   * are in flight and since when the oldest one waits.
   */
  async health(): Promise<MailerHealth> {
    const queue = this.queue;
    const status = queue?.status() ?? 'stopped';
    const pending = await this.options.checkpoints.summary();
    return {
      status: status === 'ready' ? 'up' : 'degraded',
      ...(queue instanceof InProcessEmailQueue ? { queue: 'in-process' as const } : { redis: status }),
      transport: this.transport.description,
      pendingEmails: pending.count,
      oldestPendingSince: pending.oldestEnqueuedAt,
      scheduledEmails: pending.scheduled,
    };
  }

  /** Jobs per state in its queue (BullMQ's or the in-process one); undefined while stopped. */
  async queueCounts(): Promise<EmailQueueCounts | undefined> {
    return this.queue?.counts();
  }

  /** The Redis key prefix of its BullMQ queue, once started. */
  get queuePrefix(): string | undefined {
    return this.prefix;
  }

  /** Resolves once the subscriber has caught up with the event store (tests, readiness). */
  async caughtUp(): Promise<void> {
    await this.subscriber?.caughtUp;
  }

  /** Stops taking events, lets running sends finish, then closes the queue. */
  async stop(): Promise<void> {
    await this.subscriber?.stop();
    await this.sweeper?.stop();
    await this.queue?.close(this.options.shutdownTimeoutMs ?? 30_000);
    await this.processor?.drain();
    this.transport.close();
    this.subscriber = undefined;
    this.sweeper = undefined;
    this.processor = undefined;
    this.queue = undefined;
  }
}
