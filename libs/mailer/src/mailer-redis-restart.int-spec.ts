import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey } from '@portal/platform';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import { givenPortal, givenPortalUser, sendInvitation } from './testing/mail-fixtures';
import { parseEml } from './testing/parse-eml';
import { RecordingLogger } from './testing/recording-logger';
import { MailerTestBed } from './testing/mailer-test-bed';
import { randomQueuePrefix } from './testing/redis-test-prefix';
import { RedisServerProcess, redisServerOnPath } from './testing/redis-server-process';
import { freePort, SmtpTestServer } from './testing/smtp-test-server';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(90_000);

const tokenSecret = deriveKey('redis restart secret', 'one-time-tokens');
const BEFORE_KILL = 30;
const AFTER_RESTART = 10;

const withRedisServer = redisServerOnPath();
if (!withRedisServer) console.warn('redis-server is not on PATH: skipping the mailer Redis restart test');
const title = 'Mailer across a kill -9 and restart of its own Redis';

// Skipped without a redis-server binary on PATH: the test starts and kills a Redis of its own.
(withRedisServer ? describe : describe.skip)(
  withRedisServer ? title : `${title} (skipped: redis-server is not on PATH)`,
  () => {
    const bed = MailerTestBed.register('mailer-redis-restart-');
    const servers: RedisServerProcess[] = [];
    let aofDir: string;
    let smtp: SmtpTestServer;

    beforeAll(async () => {
      aofDir = mkdtempSync(join(tmpdir(), 'mailer-redis-aof-'));
      smtp = await SmtpTestServer.start();
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.kill()));
      await smtp?.stop();
      if (aofDir) rmSync(aofDir, { recursive: true, force: true });
    });

    async function startRedis(port: number, persistent: boolean): Promise<RedisServerProcess> {
      const server = await RedisServerProcess.start({ port, aofDir: persistent ? aofDir : undefined });
      servers.push(server);
      return server;
    }

    async function invite(portalId: string, count: number, label: string) {
      const invited: { eventId: string; email: string }[] = [];
      for (let i = 0; i < count; i++) {
        const { portalUserId, email } = await givenPortalUser(
          bed.events,
          portalId,
          `${label}-${i}@customer.test`,
        );
        const { eventId } = await sendInvitation(bed.events, tokenSecret, portalUserId, portalId);
        invited.push({ eventId, email });
      }
      return invited;
    }

    async function deliveredPerSource(sourceEventIds: string[]): Promise<Map<string, number>> {
      const recorded = await bed.events.readAll({ filter: { eventTypes: ['EmailDelivered'] } });
      const counts = new Map<string, number>(sourceEventIds.map((id) => [id, 0]));
      for (const e of recorded) {
        const id = e.data.sourceEventId as string;
        if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
      }
      return counts;
    }

    /** Highest store position among these events. */
    async function lastPosition(eventIds: string[]): Promise<number> {
      const recorded = await bed.events.readAll({ filter: { eventTypes: ['InvitationSent'] } });
      return Math.max(...recorded.filter((e) => eventIds.includes(e.id)).map((e) => e.position));
    }

    // With its append-only file Redis comes back with the queue (jobs cut short run again once their
    // lock runs out); without it, Redis comes back empty and the sweeper enqueues again, from the
    // pending list written with the checkpoint, every job whose outcome is not in the event store.
    it.each([
      ['restarts from its append-only file', true],
      ['restarts with no data at all', false],
    ])(
      'sends exactly one email per event when Redis is killed mid-sending and %s',
      async (_title, persistent) => {
        const port = await freePort();
        let redis = await startRedis(port, persistent);
        const logger = new RecordingLogger();
        const { portalId } = await givenPortal(bed.events);
        const messagesFor = (emails: string[]) =>
          smtp.messages.filter((m) => m.to.some((to) => emails.includes(to)));
        const label = persistent ? 'aof' : 'empty';

        const first = await invite(portalId, BEFORE_KILL, `${label}-before`);
        const checkpoints = new ReadStoreCheckpointStore(bed.readStore, `redis-restart-${label}`);
        const lastBeforeKill = await lastPosition(first.map((f) => f.eventId));
        const mailer = await bed.startMailer({
          events: bed.events,
          checkpoints,
          redisUrl: redis.url,
          queuePrefix: randomQueuePrefix(),
          smtpUrl: smtp.url,
          dataDir: bed.dataDir,
          publicUrl: 'http://localhost:3000',
          tokenSecret,
          fromAddress: 'no-reply@localhost',
          retryPolicy: { attempts: 10, backoffDelayMs: 100 },
          concurrency: 1,
          initialRetryDelayMs: 50,
          maxRetryDelayMs: 500,
          sweepIntervalMs: 1_000,
          lockDurationMs: 2_000,
          stalledIntervalMs: 1_000,
          logger,
        });
        const firstEmails = first.map((f) => f.email);
        await waitUntil(
          'every invitation is enqueued and some are sent',
          async () =>
            ((await checkpoints.load()) ?? -1) >= lastBeforeKill && messagesFor(firstEmails).length >= 3,
        );
        await redis.kill();
        const sentBeforeKill = messagesFor(firstEmails).length;
        // /health says the mailer waits (degraded, not down) and how much is in flight.
        await waitUntil(
          'the mailer reports Redis away',
          async () => (await mailer.health()).status === 'degraded',
        );
        expect((await mailer.health()).pendingEmails).toBeGreaterThan(0);
        // The kill must land in the middle of sending, with the unsent jobs only in Redis and the
        // pending list (the checkpoint is past them), or the test proves nothing.
        expect(sentBeforeKill).toBeLessThan(BEFORE_KILL);

        redis = await startRedis(port, persistent);
        const second = await invite(portalId, AFTER_RESTART, `${label}-after`);
        const all = [...first, ...second];
        const ids = all.map((a) => a.eventId);
        try {
          await waitUntil(
            'every invitation has an EmailDelivered',
            async () => [...(await deliveredPerSource(ids)).values()].every((n) => n >= 1),
            40_000,
          );
        } catch (error) {
          const counts = [...(await deliveredPerSource(ids)).values()];
          console.warn(
            `${sentBeforeKill}/${BEFORE_KILL} sent before the kill; ${counts.filter((n) => n > 0).length}/` +
              `${ids.length} invitations delivered; ${smtp.messages.length} SMTP messages`,
          );
          throw error;
        }

        expect([...(await deliveredPerSource(ids)).values()]).toEqual(ids.map(() => 1));
        for (const { email } of all) expect(messagesFor([email])).toHaveLength(1);
        const messageIds = messagesFor(all.map((a) => a.email)).map((m) =>
          parseEml(m.raw).headers.get('message-id'),
        );
        expect([...messageIds].sort()).toEqual(ids.map((id) => `<invitation-${id}@localhost>`).sort());
        // Every outcome is recorded, so nothing is left pending.
        await waitUntil('the pending list is empty', async () => (await checkpoints.list(100)).length === 0);
        expect(await mailer.health()).toMatchObject({
          status: 'up',
          redis: 'ready',
          pendingEmails: 0,
          oldestPendingSince: null,
        });
        if (!persistent) expect(logger.lines.join('\n')).toMatch(/lost by Redis enqueued again/);
      },
    );
  },
);
