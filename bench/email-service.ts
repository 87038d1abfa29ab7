// The one-process service of the email figure (`npm start`'s shape: embedded stores, projector, API
// and the in-process mailer in one process, no Redis), driven by bench/email-rates.ts over IPC. The
// mailer is started and stopped on request, so a backlog of status changes can be built first and
// then timed from the mailer's start to the last email out.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient, type ServiceConfig, type SqlQueryable } from '@portal/platform';
import { createMailer, defaultMailTransport, type Mailer, type MailTransport } from '@portal/mailer';
import { startService, type RunningService } from '@portal/runtime';
import { createApiApp } from '../apps/api/src/create-api-app';
import type { PortalWorld } from '../test/portal-world';
import { CpuProfiler } from './cpu-profiler';
import { benchWorld, BENCH_ADMIN, customerPortal, type BenchCustomer } from './bench-world';

const QUIET = { log: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };

export type EmailBenchRequest =
  | { id: number; op: 'setup'; cases: number; followers: number }
  | { id: number; op: 'soakSetup'; accounts: number; users: number }
  | { id: number; op: 'startMailer'; smtpUrl?: string; untilIdle?: boolean; windowSeconds?: number }
  | { id: number; op: 'stopMailer' }
  | { id: number; op: 'counts' }
  | { id: number; op: 'delivered' }
  | { id: number; op: 'catchUp' }
  | { id: number; op: 'profile'; file?: string }
  | { id: number; op: 'stop' };

export interface EmailBenchSetup {
  adminToken: string;
  caseIds: string[];
}

export interface SoakSetup {
  slug: string;
  adminToken: string;
  users: BenchCustomer[];
}

export interface EmailCounts {
  /** Case status emails out (EmailDelivered stored) since this mailer started. */
  delivered: number;
  failed: number;
  pending: number;
  /** Case emails waiting for their coalescing window. */
  scheduled: number;
  /** Events the projector is behind the head. */
  projectorLag: number;
  rssMiB: number;
  /** V8 heap in use, MiB (beside RSS: tells the JS heap's growth from the native side's). */
  heapUsedMiB: number;
  /** The service process's CPU time (user + system) since it started, ms. */
  cpuMs: number;
  /** Statements on the embedded database since the mailer started (the API idle), by their start. */
  statements: number;
  statementKinds: Record<string, number>;
  /**
   * Each statement's count and milliseconds from call to answer, by its first 110 characters (the
   * soak's growth probe: requests one at a time, so a statement's time is mostly its own).
   */
  statementTimes: Record<string, [count: number, ms: number]>;
}

/** Every statement of the process's embedded database, counted by its first words (bench only). */
const statements = new Map<string, number>();
const statementTimes = new Map<string, [number, number]>();
function countStatements(): void {
  // `run`: the statements that reach PGlite (a kept read answered again is none).
  const proto = PgliteSqlClient.prototype as unknown as {
    run: SqlQueryable['query'];
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>;
  };
  const count = (text: unknown): void => {
    const key = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 48) : 'prepared';
    statements.set(key, (statements.get(key) ?? 0) + 1);
  };
  const textOf = (text: unknown): unknown =>
    typeof text === 'object' && text !== null && 'text' in text ? (text as { text: string }).text : text;
  const timed = <T>(text: unknown, run: () => Promise<T>): Promise<T> => {
    const key = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 110) : 'prepared';
    const started = performance.now();
    return run().finally(() => {
      const [count, ms] = statementTimes.get(key) ?? [0, 0];
      statementTimes.set(key, [count + 1, ms + performance.now() - started]);
    });
  };
  const run = proto.run;
  const transaction = proto.transaction;
  proto.run = function (this: unknown, text: unknown, params?: unknown[]) {
    count(textOf(text));
    return timed(textOf(text), () => run.call(this, text as string, params));
  } as SqlQueryable['query'];
  proto.transaction = function <T>(this: unknown, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    count('BEGIN … COMMIT');
    return transaction.call(this, (tx: SqlQueryable) =>
      fn({
        query: ((text: unknown, params?: unknown[]) => {
          count(textOf(text));
          return timed(textOf(text), () => tx.query(text as string, params));
        }) as SqlQueryable['query'],
        ...(tx.copyFrom && {
          copyFrom: (table: string, columns: readonly string[], data: string | Uint8Array) => {
            count(`COPY ${table}`);
            return tx.copyFrom!(table, columns, data);
          },
        }),
      }),
    ) as Promise<T>;
  } as typeof proto.transaction;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

async function main(): Promise<void> {
  countStatements();
  const dataDir = await mkdtemp(join(tmpdir(), 'portal-email-bench-'));
  const config: ServiceConfig = {
    port: 0,
    dataDir,
    eventStore: 'embedded',
    readStore: 'embedded',
    redisUrl: undefined,
    smtpUrl: undefined,
    jwtSecret: randomBytes(32).toString('base64url'),
    dataKey: randomBytes(32).toString('base64url'),
    retentionDays: 180,
    bootstrapAdmin: { ...BENCH_ADMIN },
    publicUrl: 'http://127.0.0.1',
  };
  const service = await startService(config, {
    parts: { api: createApiApp, projector: true },
    host: '127.0.0.1',
    apiLogger: false,
    waitForProjector: true,
  });
  const url = service.url!;
  let mailer: Mailer | undefined;
  let transport: MailTransport | undefined;
  const counts = { delivered: 0, failed: 0 };
  // BENCH_CPU_PROFILE_DIR=<dir>: one profile per timed mailer run, from its start to its last email.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiler = new CpuProfiler(500);
  let profiledRuns = 0;
  const soakProfiler = new CpuProfiler();
  const stopProfile = async (): Promise<void> => {
    if (!profileDir || !profiler.running) return;
    profiledRuns += 1;
    await profiler.stopInto(join(profileDir, `mailer-${process.pid}-${profiledRuns}.cpuprofile`));
  };

  const handle = async (request: EmailBenchRequest): Promise<unknown> => {
    switch (request.op) {
      case 'setup':
        return setup(service, url, request.cases, request.followers);
      case 'soakSetup':
        return soakSetup(service, url, request.accounts, request.users);
      case 'startMailer': {
        counts.delivered = 0;
        counts.failed = 0;
        statements.clear();
        statementTimes.clear();
        transport = defaultMailTransport(request.smtpUrl, dataDir);
        // As the composition root makes it (createMailer), each update its own email (no window).
        mailer = createMailer(config, service.stores.eventStore, service.stores.readStore, {
          transport,
          coalesceWindowMs: (request.windowSeconds ?? 0) * 1000,
          logger: QUIET,
          observer: {
            delivered: (kind) => void (kind === 'case-status-changed' && counts.delivered++),
            retried: () => undefined,
            failed: () => void counts.failed++,
          },
        });
        if (profileDir && !request.untilIdle) await profiler.start();
        await mailer.start();
        if (request.untilIdle) {
          await mailer.caughtUp();
          while ((await mailer.health()).pendingEmails > 0) await new Promise((r) => setTimeout(r, 50));
        }
        return null;
      }
      case 'stopMailer':
        await stopProfile();
        await mailer?.stop();
        mailer = undefined;
        return null;
      case 'delivered':
        return { ...counts };
      case 'counts': {
        await stopProfile();
        const health = await mailer?.health();
        const lag = await service.projector!.lag();
        const answer: EmailCounts = {
          ...counts,
          pending: health?.pendingEmails ?? 0,
          scheduled: health?.scheduledEmails ?? 0,
          projectorLag: lag.events,
          rssMiB: Math.round(process.memoryUsage.rss() / 1024 / 1024),
          heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
          cpuMs: cpuMs(),
          statements: [...statements.values()].reduce((a, b) => a + b, 0),
          statementKinds: Object.fromEntries([...statements].sort((a, b) => b[1] - a[1]).slice(0, 25)),
          statementTimes: Object.fromEntries(statementTimes),
        };
        return answer;
      }
      case 'catchUp':
        return service.projector!.caughtUp();
      case 'profile':
        // The soak's windows: start a profile, or write the running one into `file`.
        if (request.file) await soakProfiler.stopInto(request.file);
        else await soakProfiler.start();
        return null;
      case 'stop':
        await mailer?.stop().catch(() => undefined);
        await service.close();
        await rm(dataDir, { recursive: true, force: true });
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on('message', (request: EmailBenchRequest) => {
    handle(request).then(
      (value) => process.send?.({ kind: 'result', id: request.id, value: value ?? null }),
      (error: unknown) =>
        process.send?.({
          kind: 'error',
          id: request.id,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  process.on('disconnect', () => void service.close().finally(() => process.exit(0)));
  process.send?.({ kind: 'ready', url, pid: process.pid });
}

/**
 * One account, `followers` portal users on it reading its cases, `cases` cases each raised by one of
 * them and followed by all: every status change of a case mails `followers` people.
 */
async function setup(
  service: RunningService,
  url: string,
  cases: number,
  followers: number,
): Promise<EmailBenchSetup> {
  const world = await worldOf(service, url);
  const accountId = await world.createRecord('Account', { name: 'Bench mail' });
  const { slug, customers } = await customerPortal(world, [accountId], followers);
  const caseIds: string[] = [];
  const base = `/v1/portals/${slug}/records/Case`;
  for (let i = 0; i < cases; i += 1) {
    const created = await world.call('post', base, customers[i % followers]!.token, {
      name: `Bench case ${i}`,
    });
    if (created.status !== 201) throw new Error(`create case: ${created.status} ${created.text}`);
    const id = created.json.id as string;
    caseIds.push(id);
    for (let f = 0; f < followers; f += 1) {
      if (f === i % followers) continue;
      const followed = await world.call('put', `${base}/${id}/follow`, customers[f]!.token);
      if (followed.status !== 200) throw new Error(`follow: ${followed.status} ${followed.text}`);
    }
  }
  return { adminToken: world.adminToken, caseIds };
}

/** The soak's world: `accounts` accounts and `users` portal users spread over them. */
async function soakSetup(
  service: RunningService,
  url: string,
  accounts: number,
  users: number,
): Promise<SoakSetup> {
  const world = await worldOf(service, url);
  const accountIds: string[] = [];
  for (let i = 0; i < accounts; i += 1)
    accountIds.push(await world.createRecord('Account', { name: `Soak account ${i}` }));
  const { slug, customers } = await customerPortal(world, accountIds, users);
  return { slug, adminToken: world.adminToken, users: customers };
}

function worldOf(service: RunningService, url: string): Promise<PortalWorld> {
  return benchWorld(url, service.config, service.stores, service.projector!);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
