import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { createRedisConnection } from '@portal/platform';
import { emailDelivered } from './delivery-events';
import { emailDeliveryStream, type TokenEmailRequest } from './email-request';
import { EMAIL_QUEUE_NAME, emailJobOptions } from './email-queue';
import { LostEmailSweeper } from './lost-email-sweeper';
import { BullMqEmailQueue } from './queues/bullmq-email-queue';
import type { PendingEmail } from './pending-emails.port';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { MailerTestBed } from './testing/mailer-test-bed';
import { RecordingLogger } from './testing/recording-logger';
import { TEST_REDIS_URL } from './testing/redis-test-prefix';

jest.setTimeout(60_000);

const policy = { attempts: 3, backoffDelayMs: 50 };

function pendingInvitation(): PendingEmail {
  const sourceEventId = randomUUID();
  const request: TokenEmailRequest = {
    kind: 'invitation',
    sourceEventId,
    sourceStream: `portalUser-${randomUUID()}`,
    sourcePosition: 1,
    correlationId: randomUUID(),
    portalUserId: randomUUID(),
    portalId: randomUUID(),
    tokenId: randomUUID(),
    tokenHash: 'hash',
    expiresAt: '2030-01-01T00:00:00.000Z',
    to: undefined,
  };
  return { jobId: `invitation-${sourceEventId}`, request, enqueuedAt: new Date().toISOString() };
}

// The sweeper against a real Redis queue (no worker: the jobs stay where the test puts them); the
// test looks at the same queue through BullMQ directly.
describe('LostEmailSweeper', () => {
  const bed = MailerTestBed.register('mailer-sweeper-');
  const redis = createRedisConnection(TEST_REDIS_URL, 'producer');
  let queue: Queue;
  let emailQueue: BullMqEmailQueue;

  beforeAll(() => {
    const prefix = bed.queuePrefix();
    queue = new Queue(EMAIL_QUEUE_NAME, { connection: redis, prefix });
    emailQueue = new BullMqEmailQueue({
      redisUrl: TEST_REDIS_URL,
      prefix,
      retryPolicy: policy,
      logger: new RecordingLogger(),
    });
  });

  afterAll(async () => {
    await emailQueue.close(5_000);
    await queue.close();
    redis.disconnect();
  });

  function sweeper(ledger: ReadStoreCheckpointStore, active: string[] = []) {
    const logger = new RecordingLogger();
    const sweeper = new LostEmailSweeper({
      queue: emailQueue,
      pending: ledger,
      events: bed.events,
      logger,
      isActive: (jobId) => active.includes(jobId),
      intervalMs: 60_000,
    });
    return { sweeper, logger };
  }

  it('enqueues again a pending job Redis forgot, under the same id, and leaves jobs Redis has alone', async () => {
    const ledger = new ReadStoreCheckpointStore(bed.readStore, `sweep-${randomUUID().slice(0, 8)}`);
    const lost = pendingInvitation();
    const queued = pendingInvitation();
    await queue.add(queued.request.kind, queued.request, emailJobOptions(queued.jobId, policy));
    await ledger.save(1, [lost, queued]);

    const { sweeper: s, logger } = sweeper(ledger);
    expect(await s.sweep()).toEqual({ checked: 2, requeued: 1, retried: 0, settled: 0 });
    const job = await queue.getJob(lost.jobId);
    expect(job?.data).toEqual(lost.request);
    expect(job?.opts.attempts).toBe(policy.attempts);
    expect(logger.lines.join('\n')).toMatch(/1 job\(s\) lost by Redis enqueued again/);
    // The next sweep finds both in Redis: nothing to do.
    expect(await s.sweep()).toEqual({ checked: 2, requeued: 0, retried: 0, settled: 0 });
    expect((await ledger.list(10)).map((p) => p.jobId).sort()).toEqual([lost.jobId, queued.jobId].sort());
  });

  it('settles a pending job whose outcome is in the event store instead of sending it again', async () => {
    const ledger = new ReadStoreCheckpointStore(bed.readStore, `sweep-${randomUUID().slice(0, 8)}`);
    const done = pendingInvitation();
    await ledger.save(1, [done]);
    await bed.events.append(
      emailDeliveryStream(done.jobId),
      [emailDelivered(done.jobId, done.request, 'a@customer.test', '<m@localhost>', new Date())],
      'any',
    );
    const { sweeper: s } = sweeper(ledger);
    expect(await s.sweep()).toEqual({ checked: 1, requeued: 0, retried: 0, settled: 1 });
    expect(await queue.getJobState(done.jobId)).toBe('unknown');
    expect(await ledger.list(10)).toEqual([]);
  });

  it('retries a job Redis failed without any outcome in the event store (stalled too often)', async () => {
    const ledger = new ReadStoreCheckpointStore(bed.readStore, `sweep-${randomUUID().slice(0, 8)}`);
    const stalled = pendingInvitation();
    await queue.add(stalled.request.kind, stalled.request, emailJobOptions(stalled.jobId, policy));
    await ledger.save(1, [stalled]);
    // BullMQ fails a job that stalled more than maxStalledCount times without calling the processor
    // again; a worker that fails it unrecoverably leaves Redis in the same state.
    const workerRedis = createRedisConnection(TEST_REDIS_URL, 'worker');
    const worker = new Worker(
      EMAIL_QUEUE_NAME,
      () => Promise.reject(new UnrecoverableError('job stalled more than allowable limit')),
      { connection: workerRedis, prefix: queue.opts.prefix },
    );
    try {
      const deadline = Date.now() + 10_000;
      while ((await queue.getJobState(stalled.jobId)) !== 'failed' && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await worker.close();
      workerRedis.disconnect();
    }
    expect(await queue.getJobState(stalled.jobId)).toBe('failed');

    const { sweeper: s } = sweeper(ledger);
    expect(await s.sweep()).toEqual({ checked: 1, requeued: 0, retried: 1, settled: 0 });
    expect(await queue.getJobState(stalled.jobId)).toBe('waiting');
  });

  it('leaves alone a job this process is sending', async () => {
    const ledger = new ReadStoreCheckpointStore(bed.readStore, `sweep-${randomUUID().slice(0, 8)}`);
    const sending = pendingInvitation();
    await ledger.save(1, [sending]);
    const { sweeper: s } = sweeper(ledger, [sending.jobId]);
    expect(await s.sweep()).toEqual({ checked: 0, requeued: 0, retried: 0, settled: 0 });
    expect(await queue.getJobState(sending.jobId)).toBe('unknown');
  });

  it('sweeps on its own once started', async () => {
    const ledger = new ReadStoreCheckpointStore(bed.readStore, `sweep-${randomUUID().slice(0, 8)}`);
    const lost = pendingInvitation();
    await ledger.save(1, [lost]);
    const { sweeper: s } = sweeper(ledger);
    s.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await queue.getJobState(lost.jobId)) === 'unknown' && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queue.getJobState(lost.jobId)).not.toBe('unknown');
    } finally {
      await s.stop();
    }
  });
});
