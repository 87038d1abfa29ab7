import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore, type EventStore } from '@portal/event-store';
import { deriveKey, hashToken } from '@portal/platform';
import { openEmbeddedReadStore, type ReadStore } from '@portal/read-store';
import { Mailer, type MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { givenPortal, givenPortalUser, sendInvitation } from './testing/mail-fixtures';
import { parseEml, textPart } from './testing/parse-eml';
import { RecordingLogger } from './testing/recording-logger';
import { deleteRedisPrefix, randomQueuePrefix, TEST_REDIS_URL } from './testing/redis-test-prefix';
import { freePort, SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(90_000);

const tokenSecret = deriveKey('outage secret', 'one-time-tokens');

describe('Mailer when things are down', () => {
  let events: EventStore;
  let readStore: ReadStore;
  let dataDir: string;
  const prefixes: string[] = [];
  const running: Mailer[] = [];

  beforeAll(async () => {
    events = await openEmbeddedEventStore(undefined);
    readStore = await openEmbeddedReadStore(undefined);
    dataDir = mkdtempSync(join(tmpdir(), 'mailer-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((m) => m.stop()));
  });

  afterAll(async () => {
    await events.close();
    await readStore.close();
    await Promise.all(prefixes.map(deleteRedisPrefix));
    rmSync(dataDir, { recursive: true, force: true });
  });

  function options(
    overrides: Partial<MailerOptions> & { checkpoints: ReadStoreCheckpointStore },
  ): MailerOptions {
    const queuePrefix = randomQueuePrefix();
    prefixes.push(queuePrefix);
    return {
      events,
      redisUrl: TEST_REDIS_URL,
      queuePrefix,
      dataDir,
      publicUrl: 'http://localhost:3000',
      tokenSecret,
      fromAddress: 'no-reply@localhost',
      retryPolicy: { attempts: 10, backoffDelayMs: 100 },
      logger: new RecordingLogger(),
      ...overrides,
    };
  }

  async function startMailer(opts: MailerOptions): Promise<Mailer> {
    const mailer = new Mailer(opts);
    running.push(mailer);
    await mailer.start();
    return mailer;
  }

  async function delivered(sourceEventIds: string[]): Promise<number> {
    const recorded = await events.readAll({ filter: { eventTypes: ['EmailDelivered'] } });
    return recorded.filter((e) => sourceEventIds.includes(e.data.sourceEventId as string)).length;
  }

  it('retries while the SMTP server is down and delivers every email once when it is back', async () => {
    const port = await freePort();
    const logger = new RecordingLogger();
    const { portalId } = await givenPortal(events);
    const users = await Promise.all(
      Array.from({ length: 3 }, (_, i) => givenPortalUser(events, portalId, `outage-${i}@customer.test`)),
    );
    const sent: { eventId: string }[] = [];
    for (const user of users)
      sent.push(await sendInvitation(events, tokenSecret, user.portalUserId, portalId));

    await startMailer(
      options({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        logger,
        checkpoints: new ReadStoreCheckpointStore(readStore, 'smtp-outage'),
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
    const checkpoints = new ReadStoreCheckpointStore(readStore, 'redis-outage');
    const logger = new RecordingLogger();
    const smtp = await SmtpTestServer.start();
    try {
      const { portalId } = await givenPortal(events);
      const { portalUserId, email } = await givenPortalUser(events, portalId, 'redis-outage@customer.test');
      const invitation = await sendInvitation(events, tokenSecret, portalUserId, portalId);
      const deadRedis = `redis://127.0.0.1:${await freePort()}`;

      const waiting = await startMailer(
        options({ redisUrl: deadRedis, smtpUrl: smtp.url, logger, checkpoints, initialRetryDelayMs: 50 }),
      );
      await waitUntil('the mailer says it waits for Redis', () =>
        logger.lines.some((l) => l.includes(`mailer waiting for Redis at ${deadRedis}`)),
      );
      expect(await checkpoints.load()).toBeUndefined();
      await waiting.stop();
      running.splice(running.indexOf(waiting), 1);
      expect(await checkpoints.load()).toBeUndefined();

      await startMailer(options({ smtpUrl: smtp.url, checkpoints }));
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
      const { portalId, slug } = await givenPortal(events, { name: 'Outbox Portal' });
      const { portalUserId } = await givenPortalUser(events, portalId, 'outbox@customer.test');
      const invitation = await sendInvitation(events, tokenSecret, portalUserId, portalId);
      await startMailer(
        options({ dataDir: outboxDataDir, checkpoints: new ReadStoreCheckpointStore(readStore, 'outbox') }),
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
