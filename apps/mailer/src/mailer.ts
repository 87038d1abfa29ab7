import { join } from 'node:path';
import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EventStore } from '@portal/event-store';
import { createRedisConnection, deploymentPrefix, redactRedisUrl } from '@portal/platform';
import type { CaseRecipients } from './case-recipients.port';
import type { CheckpointStore } from './checkpoint-store.port';
import type { ComposerSettings } from './email-composer';
import { DEFAULT_EMAIL_RETRY_POLICY, EMAIL_QUEUE_NAME, type EmailRetryPolicy } from './email-queue';
import type { EmailRequest } from './email-request';
import { EmailRequestsSubscriber } from './email-requests.subscriber';
import { EventStoreMailDirectory } from './event-store-mail-directory';
import type { MailDirectory } from './mail-directory.port';
import { consoleMailerLogger, type MailerLogger } from './mailer-logger';
import { SendEmailProcessor, startSendEmailWorker } from './send-email.worker';
import { LostEmailSweeper } from './lost-email-sweeper';
import type { PendingEmails } from './pending-emails.port';
import type { MailTransport } from './transports/mail-transport';
import { OutboxTransport } from './transports/outbox.transport';
import { SmtpTransport } from './transports/smtp.transport';

export interface MailerOptions extends ComposerSettings {
  events: EventStore;
  /** The subscriber's checkpoint and the jobs in flight, written together. */
  checkpoints: CheckpointStore & PendingEmails;
  redisUrl: string;
  /** SMTP_URL; unset: .eml files in DATA_DIR/outbox. Ignored when `transport` is given. */
  smtpUrl?: string;
  dataDir: string;
  /** Redis key prefix of the queue (QUEUE_PREFIX; tests use a random one). Default: derived from the event store's identity. */
  queuePrefix?: string;
  queueName?: string;
  directory?: MailDirectory;
  /** Who hears about case status changes and staff replies; unset: no case emails. */
  recipients?: CaseRecipients;
  transport?: MailTransport;
  retryPolicy?: EmailRetryPolicy;
  concurrency?: number;
  logger?: MailerLogger;
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
  /** ioredis's connection status: `ready`, `reconnecting`, … */
  redis: string;
  transport: string;
  pendingEmails: number;
  oldestPendingSince: string | null;
}

export function defaultMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new OutboxTransport(join(dataDir, 'outbox'));
}

/**
 * The mailer: a subscriber that turns events into email jobs, and a worker that sends them. A
 * plain class, so the standalone process, a Nest module or a test can run it.
 */
export class Mailer {
  private producerRedis: Redis | undefined;
  private workerRedis: Redis | undefined;
  private queue: Queue<EmailRequest> | undefined;
  private worker: Worker | undefined;
  private subscriber: EmailRequestsSubscriber | undefined;
  private sweeper: LostEmailSweeper | undefined;
  private prefix: string | undefined;
  private readonly logger: MailerLogger;
  readonly transport: MailTransport;

  constructor(private readonly options: MailerOptions) {
    this.logger = options.logger ?? consoleMailerLogger;
    this.transport = options.transport ?? defaultMailTransport(options.smtpUrl, options.dataDir);
  }

  async start(): Promise<void> {
    if (this.subscriber) return;
    const o = this.options;
    const prefix = await deploymentPrefix(o.queuePrefix, () => o.events.identity());
    this.prefix = prefix;
    const queueName = o.queueName ?? EMAIL_QUEUE_NAME;
    this.producerRedis = createRedisConnection(o.redisUrl, 'producer');
    this.workerRedis = createRedisConnection(o.redisUrl, 'worker');
    this.queue = new Queue<EmailRequest>(queueName, { connection: this.producerRedis, prefix });
    this.queue.on('error', () => undefined); // the subscriber reports the outage where it matters
    const processor = new SendEmailProcessor({
      events: o.events,
      directory: o.directory ?? new EventStoreMailDirectory(o.events),
      recipients: o.recipients,
      transport: this.transport,
      composer: { publicUrl: o.publicUrl, tokenSecret: o.tokenSecret, fromAddress: o.fromAddress },
      logger: this.logger,
      pending: o.checkpoints,
    });
    this.worker = startSendEmailWorker(processor, {
      connection: this.workerRedis,
      prefix,
      queueName,
      concurrency: o.concurrency,
      logger: this.logger,
      lockDurationMs: o.lockDurationMs,
      stalledIntervalMs: o.stalledIntervalMs,
    });
    const retryPolicy = o.retryPolicy ?? DEFAULT_EMAIL_RETRY_POLICY;
    const sweeper = new LostEmailSweeper({
      queue: this.queue,
      pending: o.checkpoints,
      events: o.events,
      retryPolicy,
      logger: this.logger,
      isActive: (jobId) => processor.isActive(jobId),
      intervalMs: o.sweepIntervalMs ?? 60_000,
    });
    this.sweeper = sweeper;
    // A Redis that comes back may have come back empty: look for lost jobs at once.
    let connectedBefore = false;
    this.producerRedis.on('ready', () => {
      if (connectedBefore) sweeper.trigger();
      connectedBefore = true;
    });
    this.subscriber = new EmailRequestsSubscriber({
      events: o.events,
      queue: this.queue,
      checkpoints: o.checkpoints,
      recipients: o.recipients,
      logger: this.logger,
      retryPolicy,
      redisDescription: redactRedisUrl(o.redisUrl),
      initialRetryDelayMs: o.initialRetryDelayMs,
      maxRetryDelayMs: o.maxRetryDelayMs,
    });
    await this.subscriber.start();
    sweeper.start();
    this.logger.log(`mailer started: mail goes to ${this.transport.description}`);
  }

  /**
   * For /health: degraded while Redis is away (emails wait, nothing is lost), with how many emails
   * are in flight and since when the oldest one waits.
   */
  async health(): Promise<MailerHealth> {
    const redis = this.producerRedis?.status ?? 'stopped';
    const pending = await this.options.checkpoints.summary();
    return {
      status: redis === 'ready' ? 'up' : 'degraded',
      redis,
      transport: this.transport.description,
      pendingEmails: pending.count,
      oldestPendingSince: pending.oldestEnqueuedAt,
    };
  }

  /** The Redis key prefix of its queue, once started. */
  get queuePrefix(): string | undefined {
    return this.prefix;
  }

  /** Resolves once the subscriber has caught up with the event store (tests, readiness). */
  async caughtUp(): Promise<void> {
    await this.subscriber?.caughtUp;
  }

  /** Stops taking events, lets running sends finish, then closes the connections. */
  async stop(): Promise<void> {
    await this.subscriber?.stop();
    await this.sweeper?.stop();
    await this.closeWorker();
    await this.queue?.close().catch(() => undefined);
    this.transport.close();
    for (const redis of [this.producerRedis, this.workerRedis]) redis?.disconnect();
    this.subscriber = undefined;
    this.sweeper = undefined;
    this.worker = undefined;
    this.queue = undefined;
  }

  /**
   * BullMQ's graceful close waits for Redis as long as it takes, so it is used only while Redis
   * answers; without Redis no job can finish anyway, and a job cut short is redelivered later
   * (the delivery stream stops it from sending twice).
   */
  private async closeWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (this.workerRedis?.status !== 'ready') {
      await worker.close(true);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs ?? 30_000);
    });
    const result = await Promise.race([worker.close(), timeout]).finally(() => clearTimeout(timer));
    if (result === 'timeout')
      this.logger.warn('email worker did not close in time; leaving its jobs to be redelivered');
  }
}
