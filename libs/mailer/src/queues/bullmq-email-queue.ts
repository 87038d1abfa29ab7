import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection, redactRedisUrl } from '@portal/platform';
import type { EmailRequest } from '../email-request';
import { EMAIL_QUEUE_NAME, emailJobOptions, type EmailRetryPolicy } from '../email-queue';
import {
  PermanentJobFailure,
  type EmailJobHandler,
  type EmailJobState,
  type EmailQueue,
  type EmailQueueCounts,
} from '../email-queue.port';
import type { MailerLogger } from '../mailer-logger';

export interface BullMqEmailQueueOptions {
  redisUrl: string;
  /** Redis key prefix of the deployment. */
  prefix: string;
  queueName?: string;
  retryPolicy: EmailRetryPolicy;
  logger: MailerLogger;
  concurrency?: number;
  /** BullMQ's job lock and stalled-job check, ms (defaults 30 s each). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

const KNOWN_STATES = new Set<string>(['waiting', 'delayed', 'active', 'completed', 'failed']);

/** The email queue in Redis through BullMQ: shared by every mailer process of a deployment. */
export class BullMqEmailQueue implements EmailQueue {
  readonly description: string;
  private readonly producerRedis: Redis;
  private readonly workerRedis: Redis;
  private readonly queue: Queue<EmailRequest>;
  private worker: Worker<EmailRequest> | undefined;

  constructor(private readonly options: BullMqEmailQueueOptions) {
    this.description = `Redis at ${redactRedisUrl(options.redisUrl)}`;
    this.producerRedis = createRedisConnection(options.redisUrl, 'producer');
    this.workerRedis = createRedisConnection(options.redisUrl, 'worker');
    this.queue = new Queue<EmailRequest>(options.queueName ?? EMAIL_QUEUE_NAME, {
      connection: this.producerRedis,
      prefix: options.prefix,
    });
    this.queue.on('error', () => undefined); // the subscriber reports the outage where it matters
  }

  async add(jobId: string, request: EmailRequest): Promise<void> {
    await this.queue.add(request.kind, request, emailJobOptions(jobId, this.options.retryPolicy));
  }

  async state(jobId: string): Promise<EmailJobState> {
    const state = await this.queue.getJobState(jobId);
    // BullMQ's other states (prioritized, waiting-children) are waits too.
    if (state === 'unknown') return 'unknown';
    return KNOWN_STATES.has(state) ? (state as EmailJobState) : 'waiting';
  }

  /** BullMQ's other waiting states (prioritized, waiting-children) count as waiting, as in state(). */
  async counts(): Promise<EmailQueueCounts> {
    const c = await this.queue.getJobCounts(
      'waiting',
      'prioritized',
      'waiting-children',
      'active',
      'delayed',
      'failed',
    );
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
    };
  }

  async retry(jobId: string): Promise<void> {
    await (await this.queue.getJob(jobId))?.retry('failed');
  }

  work(handler: EmailJobHandler): void {
    if (this.worker) return;
    const o = this.options;
    const worker = new Worker<EmailRequest>(o.queueName ?? EMAIL_QUEUE_NAME, (job) => run(handler, job), {
      connection: this.workerRedis,
      prefix: o.prefix,
      concurrency: o.concurrency ?? 4,
      ...(o.lockDurationMs ? { lockDuration: o.lockDurationMs } : {}),
      ...(o.stalledIntervalMs ? { stalledInterval: o.stalledIntervalMs } : {}),
    });
    let lastError = '';
    worker.on('error', (error) => {
      // Redis outages repeat the same error every reconnect; say it once.
      if (error.message !== lastError) o.logger.warn(`email worker: ${error.message}`);
      lastError = error.message;
    });
    worker.on('ready', () => {
      lastError = '';
    });
    this.worker = worker;
  }

  status(): string {
    return this.producerRedis.status;
  }

  onReconnect(listener: () => void): void {
    let connectedBefore = this.producerRedis.status === 'ready';
    this.producerRedis.on('ready', () => {
      if (connectedBefore) listener();
      connectedBefore = true;
    });
  }

  /**
   * BullMQ's graceful close waits for Redis as long as it takes, so it is used only while Redis
   * answers; without Redis no job can finish anyway, and a job cut short is redelivered later
   * (the delivery stream stops it from sending twice).
   */
  async close(timeoutMs: number): Promise<void> {
    await this.closeWorker(timeoutMs);
    await this.queue.close().catch(() => undefined);
    for (const redis of [this.producerRedis, this.workerRedis]) redis.disconnect();
  }

  private async closeWorker(timeoutMs: number): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    if (this.workerRedis.status !== 'ready') {
      await worker.close(true);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([worker.close(), timeout]).finally(() => clearTimeout(timer));
    if (result === 'timeout')
      this.options.logger.warn('email worker did not close in time; leaving its jobs to be redelivered');
  }
}

async function run(handler: EmailJobHandler, job: Job<EmailRequest>): Promise<unknown> {
  if (!job.id) throw new UnrecoverableError('email job without id');
  try {
    return await handler({
      id: job.id,
      request: job.data,
      attemptsMade: job.attemptsMade,
      attempts: job.opts.attempts ?? 1,
    });
  } catch (error) {
    if (error instanceof PermanentJobFailure) throw new UnrecoverableError(error.message);
    throw error;
  }
}
