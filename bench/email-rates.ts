// The email figure of `npm run bench`: how fast the one-process service's mailer turns status
// changes into emails (to the outbox and to a loopback SMTP server), against BullMQ's raw
// add+process rate on the same Redis, and how long one status change takes to reach its email.
import { Queue, Worker } from 'bullmq';
import { DEFAULT_MAILER_CONCURRENCY } from '../libs/mailer/src/mailer-settings';
import { parseEml } from '../libs/mailer/src/testing/parse-eml';
import { SmtpTestServer } from '../libs/mailer/src/testing/smtp-test-server';
import type { EmailBenchSetup, EmailCounts } from './email-service';
import { EmailServiceChild } from './email-service-child';
import { percentile } from './percentile';
import { round } from './raw-store-rates';

export interface EmailBenchSize {
  /** Emails of each throughput run (BENCH_EMAILS). */
  emails: number;
  /** Followers of each case: a status change mails this many people. */
  followers: number;
  /** Status changes of the latency run, one every `latencyGapMs` (BENCH_EMAIL_SAMPLES). */
  latencySamples: number;
  latencyGapMs: number;
}

export function emailBenchSize(env: NodeJS.ProcessEnv = process.env): EmailBenchSize {
  const whole = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
    return value;
  };
  return {
    emails: whole('BENCH_EMAILS', 600),
    followers: 3,
    latencySamples: whole('BENCH_EMAIL_SAMPLES', 100),
    latencyGapMs: 100,
  };
}

export interface EmailFigures {
  outboxPerSecond: number;
  smtpPerSecond: number;
  bullmqPerSecond: number;
  /** The mailer's rate to SMTP over BullMQ's bare rate. */
  smtpRatio: number;
  outboxRatio: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  raw: Record<string, unknown>;
}

/** Each case's status as the bench last set it: the next change must be a change (a same-status PATCH records nothing). */
const lastStatus = new Map<string, string>();
function nextStatus(caseId: string): string {
  const next = lastStatus.get(caseId) === 'Assigned' ? 'Pending' : 'Assigned';
  lastStatus.set(caseId, next);
  return next;
}

async function patchStatus(url: string, token: string, caseId: string, status: string): Promise<void> {
  const res = await fetch(`${url}/v1/records/Case/${caseId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`status change: ${res.status}`);
}

/** Polls the child until `emails` case emails are out; seconds from `started`. */
async function drained(service: EmailServiceChild, emails: number, started: number): Promise<number> {
  for (;;) {
    const counts = await service.request<'delivered', { delivered: number; failed: number }>('delivered', {});
    if (counts.failed > 0) throw new Error(`${counts.failed} emails failed`);
    if (counts.delivered >= emails) return (performance.now() - started) / 1000;
    if (performance.now() - started > 600_000)
      throw new Error(`only ${counts.delivered} of ${emails} emails out`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A backlog of status changes made while the mailer is stopped, then timed from the mailer's start
 * to its last email: recipients, ledger, queue, render, send and the outcome event, nothing else
 * running.
 */
async function throughput(
  service: EmailServiceChild,
  setup: EmailBenchSetup,
  size: EmailBenchSize,
  smtpUrl: string | undefined,
): Promise<{
  emails: number;
  seconds: number;
  perSecond: number;
  statementsPerEmail: number;
  statementKinds: Record<string, number>;
}> {
  const changes = Math.ceil(size.emails / size.followers);
  for (let i = 0; i < changes; i += 4) {
    const batch = [];
    for (let j = i; j < Math.min(changes, i + 4); j += 1) {
      const caseId = setup.caseIds[j % setup.caseIds.length]!;
      batch.push(patchStatus(service.url, setup.adminToken, caseId, nextStatus(caseId)));
    }
    await Promise.all(batch);
  }
  await service.request('catchUp', {});
  const emails = changes * size.followers;
  const started = performance.now();
  await service.request('startMailer', smtpUrl === undefined ? {} : { smtpUrl });
  const seconds = await drained(service, emails, started);
  const counts = await service.request<'counts', EmailCounts>('counts', {});
  await service.request('stopMailer', {});
  return {
    emails,
    seconds: round(seconds),
    perSecond: round(emails / seconds, 1),
    statementsPerEmail: round(counts.statements / emails, 2),
    statementKinds: counts.statementKinds,
  };
}

/** One status change every gap ms with the SMTP mailer running: from the PATCH to the server's receipt. */
async function latency(
  service: EmailServiceChild,
  setup: EmailBenchSetup,
  size: EmailBenchSize,
  smtp: SmtpTestServer,
): Promise<{ samples: number; p50Ms: number; p99Ms: number }> {
  await service.request('startMailer', { smtpUrl: smtp.url });
  smtp.messages.length = 0;
  const sentAt = new Map<string, number>();
  const samples = Math.min(size.latencySamples, setup.caseIds.length);
  const patches: Promise<void>[] = [];
  for (let i = 0; i < samples; i += 1) {
    const caseId = setup.caseIds[i]!;
    sentAt.set(caseId, performance.timeOrigin + performance.now());
    patches.push(patchStatus(service.url, setup.adminToken, caseId, 'Closed'));
    await new Promise((resolve) => setTimeout(resolve, size.latencyGapMs));
  }
  await Promise.all(patches);
  const expected = samples * size.followers;
  const started = performance.now();
  while (smtp.messages.length < expected) {
    if (performance.now() - started > 120_000)
      throw new Error(`latency run: ${smtp.messages.length} of ${expected} emails arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await service.request('stopMailer', {});
  const times = smtp.messages
    .map((m) => {
      const text = parseEml(m.raw)
        .parts.map((p) => p.body)
        .join('\n');
      const caseId = /records\/Case\/([0-9a-f-]{36})/.exec(text)?.[1];
      const at = caseId === undefined ? undefined : sentAt.get(caseId);
      if (at === undefined) throw new Error('an email names no case of the latency run');
      return m.receivedAt - at;
    })
    .sort((a, b) => a - b);
  return { samples: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) };
}

/** BullMQ alone on the same Redis: `jobs` adds and a worker that does nothing, same concurrency. */
async function bullmqRate(redisUrl: string, jobs: number): Promise<{ jobs: number; perSecond: number }> {
  const prefix = `bench-${Date.now().toString(36)}`;
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('raw', { connection, prefix });
  let done = 0;
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker(
    'raw',
    async () => {
      done += 1;
      if (done === jobs) finish();
    },
    { connection, prefix, concurrency: DEFAULT_MAILER_CONCURRENCY, autorun: true },
  );
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < jobs; i += 50) {
    const adds = [];
    for (let j = i; j < Math.min(jobs, i + 50); j += 1)
      adds.push(queue.add('raw', { n: j }, { jobId: `raw-${j}`, removeOnComplete: true }));
    await Promise.all(adds);
  }
  await all;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs, perSecond: round(jobs / seconds, 1) };
}

export async function benchEmails(
  redisUrl: string,
  log: (text: string) => void,
  size: EmailBenchSize = emailBenchSize(),
): Promise<EmailFigures> {
  const service = await EmailServiceChild.start();
  const smtp = await SmtpTestServer.start();
  try {
    const cases = Math.max(size.latencySamples, Math.ceil(size.emails / size.followers / 2));
    log(`  [email] setting up ${cases} cases with ${size.followers} followers each...`);
    const setup = await service.request<'setup', EmailBenchSetup>('setup', {
      cases,
      followers: size.followers,
    });
    // The invitations of the set-up go out first: the timed runs mail status changes only.
    await service.request('startMailer', { untilIdle: true });
    await service.request('stopMailer', {});
    const outbox = await throughput(service, setup, size, undefined);
    log(
      `  [email] outbox: ${outbox.emails} emails in ${outbox.seconds}s, ${outbox.perSecond}/s, ${outbox.statementsPerEmail} statements per email`,
    );
    log(`  [email] statements: ${JSON.stringify(outbox.statementKinds)}`);
    const smtpRun = await throughput(service, setup, size, smtp.url);
    log(`  [email] smtp: ${smtpRun.emails} emails in ${smtpRun.seconds}s, ${smtpRun.perSecond}/s`);
    const bullmq = await bullmqRate(redisUrl, size.emails);
    log(`  [email] bullmq raw add+process: ${bullmq.perSecond}/s`);
    const lat = await latency(service, setup, size, smtp);
    log(`  [email] status change → email: p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms (${lat.samples} emails)`);
    const ratio = (v: number): number => Number((v / bullmq.perSecond).toPrecision(3));
    return {
      outboxPerSecond: outbox.perSecond,
      smtpPerSecond: smtpRun.perSecond,
      bullmqPerSecond: bullmq.perSecond,
      outboxRatio: ratio(outbox.perSecond),
      smtpRatio: ratio(smtpRun.perSecond),
      latencyP50Ms: lat.p50Ms,
      latencyP99Ms: lat.p99Ms,
      raw: { size, outbox, smtp: smtpRun, bullmq, latency: lat },
    };
  } finally {
    await service.request('stop', {}).catch(() => undefined);
    await smtp.stop();
  }
}
