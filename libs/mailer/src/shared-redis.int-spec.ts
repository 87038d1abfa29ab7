import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore, type EventStore } from '@portal/event-store';
import { deriveKey } from '@portal/platform';
import { openEmbeddedReadStore, type ReadStore } from '@portal/read-store';
import type { MailDirectory } from './mail-directory.port';
import { EventStoreMailDirectory } from './event-store-mail-directory';
import { Mailer, type MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { givenPortal, givenPortalUser, sendInvitation } from './testing/mail-fixtures';
import { RecordingLogger } from './testing/recording-logger';
import { deleteRedisPrefix, randomQueuePrefix, TEST_REDIS_URL } from './testing/redis-test-prefix';
import { SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// PGlite takes a few seconds to start on a busy machine; hooks ignore the project's testTimeout.
jest.setTimeout(120_000);

const tokenSecret = deriveKey('shared redis secret', 'one-time-tokens');

/** One deployment: its own event store and read store, no QUEUE_PREFIX. */
interface Deployment {
  events: EventStore;
  readStore: ReadStore;
  mailer?: Mailer;
}

describe('Mailer: two services sharing one Redis', () => {
  let smtp: SmtpTestServer;
  let dataDir: string;
  const deployments: Deployment[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    dataDir = mkdtempSync(join(tmpdir(), 'mailer-shared-redis-'));
  });

  afterAll(async () => {
    for (const d of deployments) {
      await d.mailer?.stop();
      if (d.mailer?.queuePrefix) prefixes.push(d.mailer.queuePrefix);
      await d.events.close();
      await d.readStore.close();
    }
    await Promise.all(prefixes.map(deleteRedisPrefix));
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function options(d: Deployment, overrides: Partial<MailerOptions> = {}): MailerOptions {
    return {
      events: d.events,
      checkpoints: new ReadStoreCheckpointStore(d.readStore),
      redisUrl: TEST_REDIS_URL,
      smtpUrl: smtp.url,
      dataDir,
      publicUrl: 'https://portal.example.test',
      tokenSecret,
      fromAddress: 'no-reply@portal.example.test',
      retryPolicy: { attempts: 5, backoffDelayMs: 50 },
      logger: new RecordingLogger(),
      ...overrides,
    };
  }

  async function deployment(): Promise<Deployment> {
    const d = {
      events: await openEmbeddedEventStore(undefined),
      readStore: await openEmbeddedReadStore(undefined),
    };
    deployments.push(d);
    return d;
  }

  async function invite(d: Deployment, label: string, count: number) {
    const { portalId } = await givenPortal(d.events);
    const sent: { eventId: string; email: string }[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${label}-${i}@customer.test`;
      const { portalUserId } = await givenPortalUser(d.events, portalId, email);
      sent.push({ email, ...(await sendInvitation(d.events, tokenSecret, portalUserId, portalId)) });
    }
    return sent;
  }

  const outcomes = async (d: Deployment, type: string) =>
    (await d.events.readAll({ filter: { eventTypes: [type] } })).length;

  it('delivers every email of both, each service working only on its own jobs', async () => {
    const [a, b] = [await deployment(), await deployment()];
    const sentA = await invite(a, 'first', 10);
    const sentB = await invite(b, 'second', 10);

    // Both start at once without QUEUE_PREFIX, as two `npm start` on one Redis would.
    const [mailerA, mailerB] = [new Mailer(options(a)), new Mailer(options(b))];
    a.mailer = mailerA;
    b.mailer = mailerB;
    await Promise.all([mailerA.start(), mailerB.start()]);

    await waitUntil(
      'all 20 invitations are delivered',
      async () =>
        (await outcomes(a, 'EmailDelivered')) === 10 && (await outcomes(b, 'EmailDelivered')) === 10,
      90_000,
    );
    expect(await outcomes(a, 'EmailDeliveryFailed')).toBe(0);
    expect(await outcomes(b, 'EmailDeliveryFailed')).toBe(0);
    for (const { email } of [...sentA, ...sentB]) {
      expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
    }
  });

  it('retries a job whose recipient its directory does not know yet, and delivers it', async () => {
    const d = await deployment();
    const prefix = randomQueuePrefix();
    prefixes.push(prefix);
    const [sent] = await invite(d, 'lagging', 1);
    // A directory that lags behind the event store: the first two lookups find nobody.
    const real = new EventStoreMailDirectory(d.events);
    let lookups = 0;
    const lagging: MailDirectory = {
      portal: (id) => real.portal(id),
      portalUser: async (id) => (++lookups <= 2 ? undefined : real.portalUser(id)),
    };
    const mailer = new Mailer(options(d, { queuePrefix: prefix, directory: lagging }));
    d.mailer = mailer;
    await mailer.start();

    await waitUntil('the invitation is delivered', async () => (await outcomes(d, 'EmailDelivered')) === 1);
    expect(lookups).toBeGreaterThanOrEqual(3);
    expect(await outcomes(d, 'EmailDeliveryFailed')).toBe(0);
    expect(smtp.messages.filter((m) => m.to.includes(sent!.email))).toHaveLength(1);
  });
});
