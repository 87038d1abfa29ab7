import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey } from '@portal/platform';
import { givenPortal, givenPortalUser, sendInvitation } from '../../libs/mailer/src/testing/mail-fixtures';
import { deleteRedisPrefix, randomQueuePrefix } from '../../libs/mailer/src/testing/redis-test-prefix';
import { parseEml } from '../../libs/mailer/src/testing/parse-eml';
import { SmtpTestServer } from '../../libs/mailer/src/testing/smtp-test-server';
import { dropSchema } from '../../libs/projector/src/testing/test-stores';
import { openServiceStores, type ServiceStores } from '@portal/runtime';
import { kill, runTs } from './child-process';

// The mailer SIGKILLed in the middle of a batch, twice, then restarted: every email reaches the
// SMTP server on loopback, each under one Message-ID. SMTP cannot do better than at-least-once
// across a kill -9: a kill after the server's 250 and before EmailDelivered is stored leaves the
// mailer unable to know the message went out, so it sends it again, under the same Message-ID
// (which receiving systems use to drop the copy). The kills here aim at exactly that window (right
// after a message arrives), so up to one copy per send in flight at each kill may appear on the
// wire; the test counts them. Without the delivery-stream check every restart would resend all
// the emails already out. (SMTP down then up and Redis restarts are in libs/mailer/src/mailer-outages.int-spec.ts
// and mailer-redis-restart.int-spec.ts.) Postgres only: the mailer runs in its own process.
const EMAILS = 60;
const KILLS = 2;
/** Sends in flight at once: each may be caught between the server's 250 and its record. */
const CONCURRENCY = 4;
// Skipped without PG_URL: the killed processes share their stores on a PostgreSQL server.
const describePg = process.env.PG_URL ? describe : describe.skip;

describePg('mailer killed mid-batch', () => {
  const url = process.env.PG_URL!;
  const schema = `faults_mail_${randomBytes(6).toString('hex')}`;
  const queuePrefix = randomQueuePrefix();
  const jwtSecret = randomBytes(32).toString('base64url');
  let stores: ServiceStores;
  let smtp: SmtpTestServer;
  let dataDir: string;

  beforeAll(async () => {
    stores = await openServiceStores({ eventStore: url, readStore: url, dataDir: '' }, { schema });
    smtp = await SmtpTestServer.start();
    dataDir = mkdtempSync(join(tmpdir(), 'faults-mailer-'));
  });

  afterAll(async () => {
    await smtp?.stop();
    await stores?.close();
    await dropSchema(url, schema);
    await deleteRedisPrefix(queuePrefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends every email, each under one Message-ID, with at most one copy per send in flight at a kill', async () => {
    const tokenSecret = deriveKey(jwtSecret, 'one-time-tokens');
    const { portalId } = await givenPortal(stores.eventStore);
    const emails: string[] = [];
    for (let i = 0; i < EMAILS; i += 1) {
      const { portalUserId, email } = await givenPortalUser(
        stores.eventStore,
        portalId,
        `killed-${i}@customer.test`,
      );
      await sendInvitation(stores.eventStore, tokenSecret, portalUserId, portalId);
      emails.push(email);
    }
    const env = {
      STORE: url,
      SCHEMA: schema,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: jwtSecret,
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAILER_CONCURRENCY: String(CONCURRENCY),
    };
    // Killed twice while emails are going out: after a random share of them reached the server.
    const shares = [0.15 + Math.random() * 0.2, 0.4 + Math.random() * 0.2];
    for (const share of shares.slice(0, KILLS)) {
      const mailer = runTs('test/faults/mailer-child.ts', env);
      await mailer.line('started');
      const target = Math.floor(EMAILS * share);
      await until(() => smtp.messages.length >= target || mailer.process.exitCode !== null);
      await kill(mailer);
    }
    expect(smtp.messages.length).toBeLessThan(EMAILS);
    const last = runTs('test/faults/mailer-child.ts', env);
    await last.line('started');
    await until(() => emails.every((e) => smtp.messages.some((m) => m.to.includes(e))));
    await until(
      async () =>
        (await stores.eventStore.readAll({ filter: { eventTypes: ['EmailDelivered'] } })).length >= EMAILS,
    );
    last.process.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const perRecipient = emails.map((e) => smtp.messages.filter((m) => m.to.includes(e)));
    const messageIds = perRecipient.map((messages) => new Set(messages.map((m) => messageIdOf(m.raw))));
    expect(messageIds.map((ids) => ids.size)).toEqual(emails.map(() => 1));
    const copies = perRecipient.reduce((sum, messages) => sum + messages.length - 1, 0);
    console.info(
      `${EMAILS} emails, ${smtp.messages.length} SMTP messages: ${copies} copy(ies) after ${KILLS} kills ` +
        `with ${CONCURRENCY} sends in flight`,
    );
    expect(copies).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    // One EmailDelivered per email: a resend records no second outcome.
    const delivered = await stores.eventStore.readAll({ filter: { eventTypes: ['EmailDelivered'] } });
    expect(delivered).toHaveLength(EMAILS);
  }, 240_000);
});

function messageIdOf(raw: string): string | undefined {
  return parseEml(raw).headers.get('message-id');
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
