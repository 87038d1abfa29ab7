import { Queue } from 'bullmq';
import { deriveKey, hashToken } from '@portal/platform';
import type { MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import {
  givenPortal,
  givenPortalUser,
  requestEmailChange,
  requestPasswordReset,
  sendInvitation,
} from './testing/mail-fixtures';
import { parseEml, textPart } from './testing/parse-eml';
import { RecordingLogger } from './testing/recording-logger';
import { MailerTestBed } from './testing/mailer-test-bed';
import { TEST_REDIS_URL } from './testing/redis-test-prefix';
import { SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(90_000);

const tokenSecret = deriveKey('integration secret', 'one-time-tokens');
const PUBLIC_URL = 'https://portal.example.test';

describe('Mailer (event store → BullMQ → SMTP)', () => {
  const bed = MailerTestBed.register('mailer-');
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start({ rejectRecipients: ['nobody@rejected.test'] });
  });

  afterAll(async () => {
    await smtp.stop();
  });

  function options(
    overrides: Partial<MailerOptions> & { queuePrefix: string; checkpointName: string },
  ): MailerOptions {
    return {
      events: bed.events,
      checkpoints: new ReadStoreCheckpointStore(bed.readStore, overrides.checkpointName),
      redisUrl: TEST_REDIS_URL,
      smtpUrl: smtp.url,
      dataDir: bed.dataDir,
      publicUrl: PUBLIC_URL,
      tokenSecret,
      fromAddress: 'no-reply@portal.example.test',
      retryPolicy: { attempts: 3, backoffDelayMs: 50 },
      logger: new RecordingLogger(),
      ...overrides,
    };
  }

  function fresh() {
    const queuePrefix = bed.queuePrefix();
    return { queuePrefix, checkpointName: `mailer-${queuePrefix}` };
  }

  const messagesTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  it('mails an invitation whose link carries the token hashed in the event', async () => {
    const logger = new RecordingLogger();
    const { portalId, slug } = await givenPortal(bed.events, { name: 'Acme Support' });
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'jane.invite@customer.test');
    const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);

    await bed.startMailer(options({ ...fresh(), logger }));
    await waitUntil(
      'the invitation is delivered',
      async () => (await bed.outcomes('EmailDelivered', [invitation.eventId])) === 1,
    );

    const received = messagesTo('jane.invite@customer.test');
    expect(received).toHaveLength(1);
    const eml = parseEml(received[0]!.raw);
    expect(eml.headers.get('subject')).toBe('You are invited to Acme Support');
    expect(eml.headers.get('from')).toMatch(/^"?Acme Support"? <no-reply@portal\.example\.test>$/);
    const text = textPart(eml);
    expect(text).toContain('Hello Jane Doe,');
    const link = new RegExp(`${PUBLIC_URL}/portal/${slug}/accept-invitation\\?token=([A-Za-z0-9_-]+)`).exec(
      text,
    );
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    expect(hashToken(token)).toBe(invitation.tokenHash);
    expect(eml.parts.some((p) => p.contentType.startsWith('text/html') && p.body.includes(token))).toBe(true);

    const [delivered] = await bed.events.readStream(`emailDelivery-invitation-${invitation.eventId}`);
    expect(delivered).toMatchObject({
      type: 'EmailDelivered',
      data: {
        kind: 'invitation',
        to: 'jane.invite@customer.test',
        sourceEventId: invitation.eventId,
        portalId,
        portalUserId,
      },
      metadata: { actor: { type: 'system' }, causationId: invitation.eventId },
    });
    const [source] = (await bed.events.readStream(`portalUser-${portalUserId}`)).filter(
      (e) => e.id === invitation.eventId,
    );
    expect(delivered!.metadata.correlationId).toBe(source!.metadata.correlationId);
    expect(JSON.stringify(delivered)).not.toContain(token);
    expect(logger.lines.join('\n')).not.toContain(token);
  });

  it('mails a reset link to the user and an email-change link to the new address', async () => {
    const { portalId, slug } = await givenPortal(bed.events);
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'jane.reset@customer.test');
    const reset = await requestPasswordReset(bed.events, tokenSecret, portalUserId, portalId);
    const change = await requestEmailChange(
      bed.events,
      tokenSecret,
      portalUserId,
      portalId,
      'jane.new@customer.test',
    );

    await bed.startMailer(options(fresh()));
    await waitUntil(
      'both are delivered',
      async () => (await bed.outcomes('EmailDelivered', [reset.eventId, change.eventId])) === 2,
    );

    const tokenIn = (address: string, path: string) => {
      const [message] = messagesTo(address);
      const text = textPart(parseEml(message!.raw));
      return new RegExp(`${PUBLIC_URL}/portal/${slug}/${path}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];
    };
    expect(messagesTo('jane.reset@customer.test')).toHaveLength(1);
    expect(hashToken(tokenIn('jane.reset@customer.test', 'reset-password') ?? '')).toBe(reset.tokenHash);
    expect(messagesTo('jane.new@customer.test')).toHaveLength(1);
    expect(hashToken(tokenIn('jane.new@customer.test', 'confirm-email') ?? '')).toBe(change.tokenHash);
  });

  it('sends exactly one email per event across restarts, a lost checkpoint and lost jobs', async () => {
    const ids = fresh();
    const { portalId } = await givenPortal(bed.events);
    const users = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        givenPortalUser(bed.events, portalId, `restart-${i}@customer.test`),
      ),
    );
    const first: { eventId: string }[] = [];
    for (const user of users.slice(0, 3))
      first.push(await sendInvitation(bed.events, tokenSecret, user.portalUserId, portalId));

    const mailer = await bed.startMailer(options(ids));
    await waitUntil(
      'a first email is delivered',
      async () =>
        (await bed.outcomes(
          'EmailDelivered',
          first.map((i) => i.eventId),
        )) >= 1,
    );
    await bed.stopMailer(mailer);

    const second: { eventId: string }[] = [];
    for (const user of users.slice(3))
      second.push(await sendInvitation(bed.events, tokenSecret, user.portalUserId, portalId));
    const all = [...first, ...second].map((i) => i.eventId);
    const restarted = await bed.startMailer(options(ids));
    await waitUntil(
      'every invitation is delivered',
      async () => (await bed.outcomes('EmailDelivered', all)) === all.length,
    );
    await bed.stopMailer(restarted);

    // A crash that lost the checkpoint and Redis that lost the jobs: every event is replayed and
    // enqueued again, and the worker finds each delivery already recorded.
    await bed.readStore.deleteCheckpoint(ids.checkpointName);
    const queue = new Queue('email', { connection: { url: TEST_REDIS_URL }, prefix: ids.queuePrefix });
    await queue.obliterate({ force: true });
    const replaying = await bed.startMailer(options(ids));
    // The store holds the other tests' invitations too: look at this test's jobs only.
    const ourJobs = async () =>
      (await queue.getJobs(['completed'])).filter((job) => all.includes(job.data.sourceEventId as string));
    let replayed: Awaited<ReturnType<typeof ourJobs>>;
    try {
      await waitUntil('the replayed jobs complete', async () => (await ourJobs()).length === all.length);
      replayed = await ourJobs();
    } finally {
      await queue.close();
    }
    await bed.stopMailer(replaying);

    expect(replayed.map((job) => job.returnvalue)).toEqual(all.map(() => 'already-delivered'));
    for (const user of users) expect(messagesTo(user.email)).toHaveLength(1);
    expect(await bed.outcomes('EmailDelivered', all)).toBe(all.length);
  });

  it('records a permanent failure when the server refuses the recipient with 550, and does not retry', async () => {
    const ids = fresh();
    const { portalId } = await givenPortal(bed.events);
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'nobody@rejected.test');
    const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);

    await bed.startMailer(options(ids));
    await waitUntil(
      'the failure is recorded',
      async () => (await bed.outcomes('EmailDeliveryFailed', [invitation.eventId])) === 1,
    );

    const [failed] = await bed.events.readStream(`emailDelivery-invitation-${invitation.eventId}`);
    expect(failed).toMatchObject({
      type: 'EmailDeliveryFailed',
      data: {
        kind: 'invitation',
        to: 'nobody@rejected.test',
        permanent: true,
        attempts: 1,
        sourceEventId: invitation.eventId,
      },
      metadata: { causationId: invitation.eventId },
    });
    expect(failed!.data.reason).toContain('550');
    const queue = new Queue('email', { connection: { url: TEST_REDIS_URL }, prefix: ids.queuePrefix });
    let settled;
    try {
      const jobId = `invitation-${invitation.eventId}`;
      await waitUntil('the job is failed', async () => (await queue.getJobState(jobId)) === 'failed');
      settled = await queue.getJob(jobId);
    } finally {
      await queue.close();
    }
    expect(settled!.attemptsMade).toBe(1);
    expect(messagesTo('nobody@rejected.test')).toHaveLength(0);
  });
});
