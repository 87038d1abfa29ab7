import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey, hashToken } from '@portal/platform';
import type { MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { givenPortal, givenPortalUser, sendInvitation } from './testing/mail-fixtures';
import { parseEml, textPart } from './testing/parse-eml';
import { RecordingLogger } from './testing/recording-logger';
import { MailerTestBed } from './testing/mailer-test-bed';
import { TEST_REDIS_URL } from './testing/redis-test-prefix';
import { freePort, SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(90_000);

const tokenSecret = deriveKey('outage secret', 'one-time-tokens');

describe('Mailer when things are down', () => {
  const bed = MailerTestBed.register('mailer-');

  function options(
    overrides: Partial<MailerOptions> & { checkpoints: ReadStoreCheckpointStore },
  ): MailerOptions {
    return {
      events: bed.events,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: bed.queuePrefix(),
      dataDir: bed.dataDir,
      publicUrl: 'http://localhost:3000',
      tokenSecret,
      fromAddress: 'no-reply@localhost',
      retryPolicy: { attempts: 10, backoffDelayMs: 100 },
      logger: new RecordingLogger(),
      ...overrides,
    };
  }

  const delivered = (sourceEventIds: string[]) => bed.outcomes('EmailDelivered', sourceEventIds);

  it('retries while the SMTP server is down and delivers every email once when it is back', async () => {
    const port = await freePort();
    const logger = new RecordingLogger();
    const { portalId } = await givenPortal(bed.events);
    const users = await Promise.all(
      Array.from({ length: 3 }, (_, i) => givenPortalUser(bed.events, portalId, `outage-${i}@customer.test`)),
    );
    const sent: { eventId: string }[] = [];
    for (const user of users)
      sent.push(await sendInvitation(bed.events, tokenSecret, user.portalUserId, portalId));

    await bed.startMailer(
      options({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        logger,
        checkpoints: new ReadStoreCheckpointStore(bed.readStore, 'smtp-outage'),
      }),
    );
    await waitUntil('a send has failed', () => logger.lines.some((l) => l.includes('will retry')));
    expect(await delivered(sent.map((s) => s.eventId))).toBe(0);

    const smtp = await SmtpTestServer.start({ port });
    try {
      await waitUntil(
        'every email is delivered',
        async () => (await delivered(sent.map((s) => s.eventId))) === 3,
      );
      for (const user of users)
        expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });

  it('waits for Redis without moving its checkpoint, then enqueues once Redis is reachable', async () => {
    const checkpoints = new ReadStoreCheckpointStore(bed.readStore, 'redis-outage');
    const logger = new RecordingLogger();
    const smtp = await SmtpTestServer.start();
    try {
      const { portalId } = await givenPortal(bed.events);
      const { portalUserId, email } = await givenPortalUser(
        bed.events,
        portalId,
        'redis-outage@customer.test',
      );
      const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
      const deadRedis = `redis://127.0.0.1:${await freePort()}`;

      const waiting = await bed.startMailer(
        options({ redisUrl: deadRedis, smtpUrl: smtp.url, logger, checkpoints, initialRetryDelayMs: 50 }),
      );
      await waitUntil('the mailer says it waits for Redis', () =>
        logger.lines.some((l) => l.includes(`mailer waiting for Redis at ${deadRedis}`)),
      );
      expect(await checkpoints.load()).toBeUndefined();
      await bed.stopMailer(waiting);
      expect(await checkpoints.load()).toBeUndefined();

      await bed.startMailer(options({ smtpUrl: smtp.url, checkpoints }));
      await waitUntil(
        'the invitation is delivered',
        async () => (await delivered([invitation.eventId])) === 1,
      );
      expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
      expect(await checkpoints.load()).toBeGreaterThanOrEqual(0);
    } finally {
      await smtp.stop();
    }
  });

  it('writes a parseable .eml per message to DATA_DIR/outbox when SMTP_URL is unset', async () => {
    const outboxDataDir = mkdtempSync(join(tmpdir(), 'mailer-outbox-'));
    try {
      const { portalId, slug } = await givenPortal(bed.events, { name: 'Outbox Portal' });
      const { portalUserId } = await givenPortalUser(bed.events, portalId, 'outbox@customer.test');
      const invitation = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
      await bed.startMailer(
        options({
          dataDir: outboxDataDir,
          checkpoints: new ReadStoreCheckpointStore(bed.readStore, 'outbox'),
        }),
      );
      await waitUntil(
        'the invitation is delivered',
        async () => (await delivered([invitation.eventId])) === 1,
      );

      const outbox = join(outboxDataDir, 'outbox');
      const files = readdirSync(outbox).filter((f) => f.includes(invitation.eventId));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-invitation-${invitation.eventId}\\.eml$`),
      );
      const eml = parseEml(readFileSync(join(outbox, files[0]!), 'utf8'));
      expect(eml.headers.get('to')).toBe('outbox@customer.test');
      expect(eml.headers.get('subject')).toBe('You are invited to Outbox Portal');
      expect(eml.headers.get('message-id')).toBe(`<invitation-${invitation.eventId}@localhost>`);
      expect(eml.parts.map((p) => p.contentType.split(';')[0])).toEqual(['text/plain', 'text/html']);
      const token = new RegExp(
        `http://localhost:3000/portal/${slug}/accept-invitation\\?token=([A-Za-z0-9_-]+)`,
      ).exec(textPart(eml))?.[1];
      expect(token && hashToken(token)).toBe(invitation.tokenHash);
    } finally {
      rmSync(outboxDataDir, { recursive: true, force: true });
    }
  });
});
