// The behaviour every email queue adapter must have, written once and run by each adapter's spec.
import { randomUUID } from 'node:crypto';
import type { TokenEmailRequest } from '../email-request';
import type { EmailRetryPolicy } from '../email-queue';
import { PermanentJobFailure, type EmailJob, type EmailQueue } from '../email-queue.port';
import { waitUntil } from '../testing/wait-until';

const POLICY: EmailRetryPolicy = { attempts: 3, backoffDelayMs: 20 };

function invitation(): { jobId: string; request: TokenEmailRequest } {
  const sourceEventId = randomUUID();
  return {
    jobId: `invitation-${sourceEventId}`,
    request: {
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
    },
  };
}

/** `open` gives a new, empty queue with the policy; the suite closes it. */
export function emailQueueContract(
  adapterName: string,
  open: (policy: EmailRetryPolicy) => Promise<EmailQueue>,
): void {
  describe(`email queue contract: ${adapterName}`, () => {
    jest.setTimeout(60_000);
    let queue: EmailQueue;
    let runs: EmailJob[];

    beforeEach(async () => {
      queue = await open(POLICY);
      runs = [];
      await waitUntil('the queue is ready', () => queue.status() === 'ready');
    });

    afterEach(async () => {
      await queue.close(5_000);
    });

    const finished = (jobId: string) => async () =>
      ['completed', 'unknown', 'failed'].includes(await queue.state(jobId));

    it('runs an added job once, with its request and the retry budget', async () => {
      const { jobId, request } = invitation();
      await queue.add(jobId, request);
      queue.work(async (job) => {
        runs.push(job);
      });
      await waitUntil('the job ran', () => runs.length === 1);
      await waitUntil('the job is done', finished(jobId));
      expect(runs).toEqual([{ id: jobId, request, attemptsMade: 0, attempts: POLICY.attempts }]);
      expect(await queue.state(jobId)).not.toBe('failed');
    });

    it('takes a job id it holds only once', async () => {
      const { jobId, request } = invitation();
      await queue.add(jobId, request);
      await queue.add(jobId, { ...request, tokenHash: 'another' });
      expect(await queue.state(jobId)).toBe('waiting');
      queue.work(async (job) => {
        runs.push(job);
      });
      await waitUntil('the job is done', finished(jobId));
      expect(runs.map((r) => r.request)).toEqual([request]);
    });

    it('retries a job that throws, counting the tries, until it succeeds', async () => {
      const { jobId, request } = invitation();
      queue.work(async (job) => {
        runs.push(job);
        if (job.attemptsMade < 2) throw new Error('SMTP server busy');
      });
      await queue.add(jobId, request);
      await waitUntil('the third try ran', () => runs.length === 3);
      await waitUntil('the job is done', finished(jobId));
      expect(runs.map((r) => r.attemptsMade)).toEqual([0, 1, 2]);
      expect(await queue.state(jobId)).not.toBe('failed');
    });

    it('fails a job after its last try, and a permanent failure at once; retry runs it once more', async () => {
      const exhausted = invitation();
      const permanent = invitation();
      queue.work(async (job) => {
        runs.push(job);
        if (job.id === permanent.jobId && runs.filter((r) => r.id === job.id).length > 1) return;
        if (job.id === permanent.jobId) throw new PermanentJobFailure('mailbox does not exist');
        throw new Error('SMTP server busy');
      });
      await queue.add(exhausted.jobId, exhausted.request);
      await queue.add(permanent.jobId, permanent.request);
      await waitUntil('both failed', async () => {
        const states = await Promise.all([queue.state(exhausted.jobId), queue.state(permanent.jobId)]);
        return states.every((s) => s === 'failed');
      });
      expect(runs.filter((r) => r.id === exhausted.jobId).map((r) => r.attemptsMade)).toEqual([0, 1, 2]);
      expect(runs.filter((r) => r.id === permanent.jobId)).toHaveLength(1);

      await queue.retry(permanent.jobId);
      await waitUntil('the retried job ran', () => runs.filter((r) => r.id === permanent.jobId).length === 2);
      await waitUntil(
        'the retried job is done',
        async () => (await queue.state(permanent.jobId)) !== 'active',
      );
      expect(runs.filter((r) => r.id === permanent.jobId).map((r) => r.attemptsMade)).toEqual([0, 1]);
      expect(await queue.state(permanent.jobId)).not.toBe('failed');
    });

    it('counts its jobs by state: waiting before a worker, active while one runs, failed after the last try', async () => {
      expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      const held = invitation();
      const doomed = invitation();
      await queue.add(held.jobId, held.request);
      await queue.add(doomed.jobId, doomed.request);
      expect(await queue.counts()).toEqual({ waiting: 2, active: 0, delayed: 0, failed: 0 });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      queue.work(async (job) => {
        runs.push(job);
        if (job.id === doomed.jobId) throw new PermanentJobFailure('mailbox does not exist');
        await released;
      });
      await waitUntil('one runs, one failed', async () => {
        const counts = await queue.counts();
        return counts.active === 1 && counts.failed === 1;
      });
      expect(await queue.counts()).toEqual({ waiting: 0, active: 1, delayed: 0, failed: 1 });
      release();
      await waitUntil('the held job is done', finished(held.jobId));
      expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    });

    it('counts a job waiting for its retry as delayed', async () => {
      const slowPolicyQueue = await open({ attempts: 3, backoffDelayMs: 60_000 });
      try {
        await waitUntil('the queue is ready', () => slowPolicyQueue.status() === 'ready');
        const { jobId, request } = invitation();
        slowPolicyQueue.work(async () => {
          throw new Error('SMTP server busy');
        });
        await slowPolicyQueue.add(jobId, request);
        await waitUntil(
          'the job waits for its retry',
          async () => (await slowPolicyQueue.counts()).delayed === 1,
        );
        expect(await slowPolicyQueue.counts()).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 0 });
      } finally {
        await slowPolicyQueue.close(5_000);
      }
    });

    it('does not know an id never added', async () => {
      expect(await queue.state(`invitation-${randomUUID()}`)).toBe('unknown');
    });

    it('lets a running job finish when closed', async () => {
      const { jobId, request } = invitation();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let finishedRun = false;
      queue.work(async (job) => {
        runs.push(job);
        await released;
        finishedRun = true;
      });
      await queue.add(jobId, request);
      await waitUntil('the job runs', () => runs.length === 1);
      const closing = queue.close(30_000);
      release();
      await closing;
      expect(finishedRun).toBe(true);
    });
  });
}
