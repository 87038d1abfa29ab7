import { randomUUID } from 'node:crypto';
import { deriveKey } from '@portal/platform';
import type { MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { givenPortal, givenPortalUser, sendInvitation } from './testing/mail-fixtures';
import { RecordingLogger } from './testing/recording-logger';
import { MailerTestBed } from './testing/mailer-test-bed';
import { freePort, SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(90_000);

const tokenSecret = deriveKey('in-process secret', 'one-time-tokens');

// REDIS_URL unset: the same mailer on the in-process queue, with the pending-email ledger as its memory.
describe('Mailer without Redis (in-process queue)', () => {
  const bed = MailerTestBed.register('mailer-in-process-');
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start({ rejectRecipients: ['nobody@rejected.test'] });
  });

  afterAll(async () => {
    await smtp.stop();
  });

  function options(
    overrides: Partial<MailerOptions> & { checkpoints: ReadStoreCheckpointStore },
  ): MailerOptions {
    return {
      events: bed.events,
      smtpUrl: smtp.url,
      dataDir: bed.dataDir,
      publicUrl: 'https://portal.example.test',
      tokenSecret,
      fromAddress: 'no-reply@portal.example.test',
      retryPolicy: { attempts: 3, backoffDelayMs: 50 },
      logger: new RecordingLogger(),
      ...overrides,
    };
  }

  const ledger = () => new ReadStoreCheckpointStore(bed.readStore, `in-process-${randomUUID().slice(0, 8)}`);

  it('delivers an invitation once, records EmailDelivered, settles the ledger and says so in /health', async () => {
    const { portalId } = await givenPortal(bed.events);
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'ann.inprocess@customer.test');
    const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
    const checkpoints = ledger();

    const mailer = await bed.startMailer(options({ checkpoints }));
    await waitUntil(
      'the invitation is delivered',
      async () => (await bed.outcomes('EmailDelivered', [invitation.eventId])) === 1,
    );
    await waitUntil('the ledger is settled', async () => (await checkpoints.summary()).count === 0);
    expect(smtp.messages.filter((m) => m.to.includes('ann.inprocess@customer.test'))).toHaveLength(1);
    expect(await mailer.health()).toEqual({
      status: 'up',
      queue: 'in-process',
      transport: expect.stringContaining('smtp'),
      pendingEmails: 0,
      oldestPendingSince: null,
      scheduledEmails: 0,
    });
    expect(mailer.queuePrefix).toBeUndefined();
  });

  it('records a permanent refusal as EmailDeliveryFailed after one try', async () => {
    const { portalId } = await givenPortal(bed.events);
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'nobody@rejected.test');
    const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
    const checkpoints = ledger();

    await bed.startMailer(options({ checkpoints }));
    await waitUntil(
      'the failure is recorded',
      async () => (await bed.outcomes('EmailDeliveryFailed', [invitation.eventId])) === 1,
    );
    const [failed] = await bed.events.readStream(`emailDelivery-invitation-${invitation.eventId}`);
    expect(failed).toMatchObject({ type: 'EmailDeliveryFailed', data: { permanent: true, attempts: 1 } });
    await waitUntil('the ledger is settled', async () => (await checkpoints.summary()).count === 0);
  });

  it('sends after a restart what was in flight when the process stopped: the ledger remembers, not the queue', async () => {
    const { portalId } = await givenPortal(bed.events);
    const { portalUserId } = await givenPortalUser(bed.events, portalId, 'bob.restart@customer.test');
    const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
    const checkpoints = ledger();
    const jobId = `invitation-${invitation.eventId}`;

    // First run: the SMTP server is unreachable, so the job waits for its next try when we stop.
    const downLogger = new RecordingLogger();
    const first = await bed.startMailer(
      options({
        checkpoints,
        smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
        retryPolicy: { attempts: 5, backoffDelayMs: 60_000 },
        logger: downLogger,
      }),
    );
    await waitUntil('the first try failed', () =>
      downLogger.lines.some((l) => l.includes(jobId) && l.includes('will retry')),
    );
    expect((await checkpoints.list(100)).map((p) => p.jobId)).toContain(jobId);
    await bed.stopMailer(first);
    expect(await bed.outcomes('EmailDelivered', [invitation.eventId])).toBe(0);

    // Second run: the subscriber's checkpoint is past the event; only the ledger knows the job.
    await bed.startMailer(options({ checkpoints }));
    await waitUntil(
      'the invitation is delivered',
      async () => (await bed.outcomes('EmailDelivered', [invitation.eventId])) === 1,
    );
    await waitUntil('the ledger is settled', async () => (await checkpoints.summary()).count === 0);
    expect(smtp.messages.filter((m) => m.to.includes('bob.restart@customer.test'))).toHaveLength(1);
  });
});
