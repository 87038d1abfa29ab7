import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { openEmbeddedEventStore, type EventStore } from '@portal/event-store';
import { deriveKey } from '@portal/platform';
import { Projector, silentProjectorLogger } from '@portal/projector';
import { ReadModelNames } from '@portal/read-models';
import { openEmbeddedReadStore, type ReadStore } from '@portal/read-store';
import { caseEmailRequest, caseEmailTriggerFor } from './case-email-request';
import { ReadModelCaseRecipients } from './case-recipients/read-model-case-recipients';
import { emailJobId, type EmailRequest } from './email-request';
import { EventStoreMailDirectory } from './event-store-mail-directory';
import { Mailer, type MailerOptions } from './mailer';
import { ReadStoreCheckpointStore } from './read-store-checkpoint-store';
import {
  changeCaseStatus,
  followCase,
  givenAccountCaseRole,
  givenActivePortalUser,
  givenCase,
  postComment,
  turnOffCaseEmails,
} from './testing/case-fixtures';
import { givenPortal } from './testing/mail-fixtures';
import { parseEml, textPart } from './testing/parse-eml';
import { RecordingLogger } from './testing/recording-logger';
import { deleteRedisPrefix, randomQueuePrefix, TEST_REDIS_URL } from './testing/redis-test-prefix';
import { SmtpTestServer } from './testing/smtp-test-server';
import type { EmailJob } from './email-queue.port';
import { SendEmailProcessor } from './send-email.worker';
import { SmtpTransport } from './transports/smtp.transport';
import { waitUntil } from './testing/wait-until';

// The project's testTimeout does not reach hooks; PGlite takes a few seconds to start on a busy machine.
jest.setTimeout(120_000);

const PUBLIC_URL = 'https://portal.example.test';
const INTERNAL_NOTES = 'INTERNAL-NOTE: customer is on credit hold';

describe('case emails (event store → projector read models → ACL → BullMQ → SMTP)', () => {
  let events: EventStore;
  let readStore: ReadStore;
  let smtp: SmtpTestServer;
  let dataDir: string;
  let projector: Projector | undefined;
  const prefixes: string[] = [];
  const running: Mailer[] = [];
  const queues: Queue<EmailRequest>[] = [];

  beforeAll(async () => {
    events = await openEmbeddedEventStore(undefined);
    readStore = await openEmbeddedReadStore(undefined);
    smtp = await SmtpTestServer.start();
    dataDir = mkdtempSync(join(tmpdir(), 'case-mailer-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((m) => m.stop()));
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });

  afterAll(async () => {
    await projector?.stop();
    await smtp.stop();
    await events.close();
    await readStore.close();
    await Promise.all(prefixes.map(deleteRedisPrefix));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The projector runs in-process from the first test that needs it on. */
  async function ensureProjector(): Promise<void> {
    if (projector) return;
    projector = new Projector({
      events,
      store: readStore,
      logger: silentProjectorLogger,
      pointerPollMs: 200,
    });
    await projector.start();
  }

  function fresh() {
    const queuePrefix = randomQueuePrefix();
    prefixes.push(queuePrefix);
    const queue = new Queue<EmailRequest>('email', {
      connection: { url: TEST_REDIS_URL },
      prefix: queuePrefix,
    });
    queues.push(queue);
    return { queuePrefix, checkpointName: `mailer-${queuePrefix}`, queue };
  }

  async function startMailer(
    ids: { queuePrefix: string; checkpointName: string },
    overrides: Partial<MailerOptions> = {},
  ): Promise<Mailer> {
    const mailer = new Mailer({
      events,
      checkpoints: new ReadStoreCheckpointStore(readStore, ids.checkpointName),
      recipients: new ReadModelCaseRecipients(readStore, { checkpointTimeoutMs: 2_000 }),
      redisUrl: TEST_REDIS_URL,
      smtpUrl: smtp.url,
      dataDir,
      publicUrl: PUBLIC_URL,
      tokenSecret: deriveKey('integration secret', 'one-time-tokens'),
      fromAddress: 'no-reply@portal.example.test',
      retryPolicy: { attempts: 3, backoffDelayMs: 50 },
      logger: new RecordingLogger(),
      initialRetryDelayMs: 50,
      maxRetryDelayMs: 200,
      queuePrefix: ids.queuePrefix,
      ...overrides,
    });
    running.push(mailer);
    await mailer.start();
    return mailer;
  }

  async function stopMailer(mailer: Mailer): Promise<void> {
    await mailer.stop();
    running.splice(running.indexOf(mailer), 1);
  }

  /** The mailer has enqueued every email the event asks for (its checkpoint moved past it). */
  async function handled(checkpointName: string, position: number): Promise<void> {
    await waitUntil(
      `the mailer handled position ${position}`,
      async () => ((await readStore.getCheckpoint(checkpointName)) ?? -1) >= position,
    );
  }

  /** Every job queued for an event: exactly the emails it asked for, whatever has been sent so far. */
  async function jobsFor(queue: Queue<EmailRequest>, sourceEventId: string) {
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed']);
    return jobs.filter((job) => job.data.sourceEventId === sourceEventId);
  }

  async function deliveredTo(sourceEventId: string): Promise<string[]> {
    const recorded = await events.readAll({ filter: { eventTypes: ['EmailDelivered'] } });
    return recorded
      .filter((e) => e.data.sourceEventId === sourceEventId)
      .map((e) => e.data.portalUserId as string);
  }

  const messagesTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  async function givenAccountsAndUsers(tag: string) {
    const roleId = await givenAccountCaseRole(events);
    const portal = await givenPortal(events, { name: 'Acme Support', roleIds: [roleId] });
    const accountA = randomUUID();
    const accountB = randomUUID();
    const reader = await givenActivePortalUser(events, portal.portalId, `${tag}-reader@a.test`, accountA);
    const quiet = await givenActivePortalUser(events, portal.portalId, `${tag}-quiet@a.test`, accountA);
    await turnOffCaseEmails(events, quiet.portalUserId);
    const stranger = await givenActivePortalUser(events, portal.portalId, `${tag}-stranger@b.test`, accountB);
    const bystander = await givenActivePortalUser(
      events,
      portal.portalId,
      `${tag}-bystander@a.test`,
      accountA,
    );
    const caseId = await givenCase(events, accountA, `Printer on fire (${tag})`, INTERNAL_NOTES);
    // Followers only: the stranger follows too but cannot read the case; the bystander reads it but does not follow.
    for (const user of [reader, quiet, stranger]) await followCase(events, caseId, user.portalUserId);
    return { portal, accountA, accountB, reader, quiet, stranger, bystander, caseId };
  }

  it('mails a status change to the followers who may read the case only, once the read models reach it', async () => {
    const world = await givenAccountsAndUsers('status');
    const change = await changeCaseStatus(events, world.caseId, 'New', 'Closed');
    const ids = fresh();
    const logger = new RecordingLogger();
    await startMailer(ids, {
      logger,
      recipients: new ReadModelCaseRecipients(readStore, { checkpointTimeoutMs: 100 }),
    });
    if (!projector) {
      // No projector yet: the mailer must hold the event rather than judge by missing read models.
      await waitUntil('the mailer waits for the read models', () =>
        logger.lines.some((line) => line.includes('have not reached position')),
      );
      expect(await readStore.getCheckpoint(ids.checkpointName)).toBeUndefined();
      expect(await jobsFor(ids.queue, change.eventId)).toHaveLength(0);
    }
    await ensureProjector();
    await handled(ids.checkpointName, change.position);

    const jobs = await jobsFor(ids.queue, change.eventId);
    expect(jobs.map((job) => job.data.portalUserId)).toEqual([world.reader.portalUserId]);
    expect(jobs[0]!.id).toBe(`case-status-changed-${change.eventId}-${world.reader.portalUserId}`);
    await waitUntil('the email is delivered', async () => (await deliveredTo(change.eventId)).length === 1);

    expect(messagesTo(world.stranger.email)).toHaveLength(0);
    expect(messagesTo(world.quiet.email)).toHaveLength(0);
    expect(messagesTo(world.bystander.email)).toHaveLength(0);
    const received = messagesTo(world.reader.email);
    expect(received).toHaveLength(1);
    const eml = parseEml(received[0]!.raw);
    expect(eml.headers.get('subject')).toBe('Your case "Printer on fire (status)" is now Closed');
    expect(eml.headers.get('from')).toMatch(/^"?Acme Support"? <no-reply@portal\.example\.test>$/);
    const text = textPart(eml);
    expect(text).toContain(`${PUBLIC_URL}/portal/${world.portal.slug}/records/Case/${world.caseId}`);
    expect(text).not.toContain('INTERNAL-NOTE');
    expect(received[0]!.raw).not.toContain('INTERNAL-NOTE');

    const [delivered] = await events.readStream(
      `emailDelivery-case-status-changed-${change.eventId}-${world.reader.portalUserId}`,
    );
    expect(delivered).toMatchObject({
      type: 'EmailDelivered',
      data: {
        kind: 'case-status-changed',
        sourceEventId: change.eventId,
        portalUserId: world.reader.portalUserId,
        portalId: world.portal.portalId,
      },
    });
  });

  it('mails a public staff comment with its text and never an internal one', async () => {
    await ensureProjector();
    const world = await givenAccountsAndUsers('comment');
    const internal = await postComment(events, world.caseId, 'INTERNAL-COMMENT: refund denied', true);
    const reply = await postComment(events, world.caseId, 'We replaced the toner.\nPlease try again.', false);
    const ids = fresh();
    await startMailer(ids);
    await handled(ids.checkpointName, reply.position);

    expect(await jobsFor(ids.queue, internal.eventId)).toHaveLength(0);
    expect((await jobsFor(ids.queue, reply.eventId)).map((job) => job.data.portalUserId)).toEqual([
      world.reader.portalUserId,
    ]);
    await waitUntil('the reply is delivered', async () => (await deliveredTo(reply.eventId)).length === 1);

    const received = messagesTo(world.reader.email);
    expect(received).toHaveLength(1);
    const eml = parseEml(received[0]!.raw);
    expect(eml.headers.get('subject')).toBe('New reply on your case "Printer on fire (comment)"');
    const text = textPart(eml);
    expect(text).toContain('> We replaced the toner.\n> Please try again.');
    expect(text).toContain(`${PUBLIC_URL}/portal/${world.portal.slug}/records/Case/${world.caseId}`);
    expect(received[0]!.raw).not.toContain('INTERNAL');
    expect(messagesTo(world.stranger.email)).toHaveLength(0);
    expect(messagesTo(world.quiet.email)).toHaveLength(0);
  });

  it('sends nothing twice when the mailer restarts with its checkpoint and jobs lost', async () => {
    await ensureProjector();
    const world = await givenAccountsAndUsers('replay');
    const second = await givenActivePortalUser(
      events,
      world.portal.portalId,
      'replay-second@a.test',
      world.accountA,
    );
    await followCase(events, world.caseId, second.portalUserId);
    const change = await changeCaseStatus(events, world.caseId, 'New', 'Pending');
    const reply = await postComment(events, world.caseId, 'Looking into it.', false);
    const sources = [change.eventId, reply.eventId];
    const ids = fresh();

    const first = await startMailer(ids);
    await handled(ids.checkpointName, reply.position);
    await waitUntil('all four emails are delivered', async () => {
      const counts = await Promise.all(sources.map(deliveredTo));
      return counts.every((users) => users.length === 2);
    });
    await stopMailer(first);

    await readStore.deleteCheckpoint(ids.checkpointName);
    await ids.queue.obliterate({ force: true });
    const replaying = await startMailer(ids);
    await handled(ids.checkpointName, reply.position);
    const ourJobs = async () => (await Promise.all(sources.map((id) => jobsFor(ids.queue, id)))).flat();
    await waitUntil('the replayed jobs complete', async () => {
      const jobs = await ourJobs();
      return jobs.length === 4 && (await Promise.all(jobs.map((job) => job.isCompleted()))).every(Boolean);
    });
    const replayed = await Promise.all((await ourJobs()).map((job) => ids.queue.getJob(job.id!)));
    await stopMailer(replaying);

    expect(replayed.map((job) => job!.returnvalue)).toEqual(replayed.map(() => 'already-delivered'));
    expect(messagesTo(world.reader.email)).toHaveLength(2);
    expect(messagesTo(second.email)).toHaveLength(2);
    expect(messagesTo(world.stranger.email)).toHaveLength(0);
    expect(messagesTo(world.quiet.email)).toHaveLength(0);
    for (const source of sources)
      expect((await deliveredTo(source)).sort()).toEqual(
        [world.reader.portalUserId, second.portalUserId].sort(),
      );
  });

  it('coalesces the updates of one case within the window into one email per follower', async () => {
    await ensureProjector();
    const world = await givenAccountsAndUsers('coalesce');
    const ids = fresh();
    // Start at the head: a fresh checkpoint would replay this file's earlier case events, and
    // those still inside the window would be scheduled beside this test's one entry.
    await new ReadStoreCheckpointStore(readStore, ids.checkpointName).save(await events.headPosition());
    const mailer = await startMailer(ids, { coalesceWindowMs: 1_500 });
    const first = await changeCaseStatus(events, world.caseId, 'New', 'Assigned');
    await postComment(events, world.caseId, 'We are on it.', false);
    const last = await changeCaseStatus(events, world.caseId, 'Assigned', 'Pending');
    await handled(ids.checkpointName, last.position);
    // Nothing goes out while the window is open: all three wait in one ledger entry.
    expect((await mailer.health()).scheduledEmails).toBe(1);
    expect(messagesTo(world.reader.email)).toHaveLength(0);
    await waitUntil(
      'the coalesced email is delivered',
      async () => (await deliveredTo(first.eventId)).length === 1,
    );
    await waitUntil('the ledger is settled', async () => (await mailer.health()).pendingEmails === 0);

    const received = messagesTo(world.reader.email);
    expect(received).toHaveLength(1);
    const eml = parseEml(received[0]!.raw);
    expect(eml.headers.get('subject')).toBe('Your case "Printer on fire (coalesce)" is now Pending');
    expect(textPart(eml)).toContain('> We are on it.');
    expect(messagesTo(world.quiet.email)).toHaveLength(0);
    expect(messagesTo(world.stranger.email)).toHaveLength(0);
    expect(messagesTo(world.bystander.email)).toHaveLength(0);
    expect((await mailer.health()).scheduledEmails).toBe(0);
  });

  it('judges access again when sending: a user who turned case emails off meanwhile gets nothing', async () => {
    await ensureProjector();
    const world = await givenAccountsAndUsers('late');
    const change = await changeCaseStatus(events, world.caseId, 'New', 'Assigned');
    const source = (await events.readStream(`record-Case-${world.caseId}`)).find(
      (e) => e.id === change.eventId,
    );
    const trigger = caseEmailTriggerFor(source!)!;
    const recipients = new ReadModelCaseRecipients(readStore, { checkpointTimeoutMs: 5_000 });
    expect(await recipients.forCaseEvent(trigger)).toEqual([
      { portalUserId: world.reader.portalUserId, portalId: world.portal.portalId },
    ]);
    const request = caseEmailRequest(source!, trigger, {
      portalUserId: world.reader.portalUserId,
      portalId: world.portal.portalId,
    });

    // Queued while allowed; the user turns case emails off before the worker gets to it.
    await turnOffCaseEmails(events, world.reader.portalUserId);
    const head = await events.headPosition();
    const projectorCheckpoint = await new ReadModelNames(readStore).checkpoint();
    expect(await readStore.waitForCheckpoint(projectorCheckpoint, head, 20_000)).toBe(true);
    const transport = new SmtpTransport(smtp.url);
    const processor = new SendEmailProcessor({
      events,
      directory: new EventStoreMailDirectory(events),
      recipients,
      transport,
      composer: { publicUrl: PUBLIC_URL, tokenSecret: 'unused', fromAddress: 'no-reply@portal.example.test' },
      logger: new RecordingLogger(),
    });
    const jobId = emailJobId(request);
    // The job as a queue hands it over; the queue itself is exercised above.
    const job: EmailJob = { id: jobId, request, attemptsMade: 0, attempts: 3 };
    try {
      await expect(processor.process(job)).rejects.toThrow('no longer gets emails about case');
    } finally {
      transport.close();
    }

    const [failed] = await events.readStream(`emailDelivery-${jobId}`);
    expect(failed).toMatchObject({
      type: 'EmailDeliveryFailed',
      data: { kind: 'case-status-changed', permanent: true, portalUserId: world.reader.portalUserId },
    });
    expect(messagesTo(world.reader.email)).toHaveLength(0);
  });
});
