// The service under test, in its own process (its RSS is what #6 reports): the stores, the
// projector and the API as the composition root (libs/runtime) starts them, plus a bare Fastify route on
// the same app as the scoped list's baseline. The runner drives it over IPC (bench-messages.ts).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseDir } from '@portal/event-store';
import {
  dropSchema,
  PgliteSqlClient,
  PgSqlClient,
  type ServiceConfig,
  type SqlClient,
} from '@portal/platform';
import { Projector, projectorHealthCheck, silentProjectorLogger } from '@portal/projector';
import { createApiApp } from '../apps/api/src/create-api-app';
import { PortalRecordReads } from '../apps/api/src/self-service/records/portal-record-reads';
import { openServiceStores, type ServiceStores } from '@portal/runtime';
import type { PortalWorld } from '../test/portal-world';
import { benchWorld, BENCH_ADMIN, customerPortal } from './bench-world';
import {
  BARE_ROUTE,
  type BenchReply,
  type BenchRequest,
  type FileTarget,
  type PortalFixture,
  type StoreTargets,
} from './bench-messages';
import { privacyRates } from './privacy-rates';
import { privacyRebuild } from './privacy-rebuild';
import { rawAppends, rawReadAll } from './raw-store-rates';
import { RecordSeeder } from './seed-records';
import { StatementCounter } from './statement-counter';
import { CpuProfiler } from './cpu-profiler';
import { pgliteHeapOf, samplePeaks, type MemoryPeaks } from './memory-peaks';
import { traceAnnouncementsAndRequests, traceStatementsAndWaits, writeTrace } from './ryw-trace';

function send(reply: BenchReply): void {
  process.send?.(reply);
}

async function main(): Promise<void> {
  const targets = JSON.parse(process.env.BENCH_TARGETS ?? '{}') as StoreTargets;
  const dataDir = await mkdtemp(join(tmpdir(), 'portal-bench-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const config: ServiceConfig = {
    port: 0,
    dataDir,
    eventStore: targets.eventStore,
    readStore: targets.readStore,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    smtpUrl: undefined,
    jwtSecret: randomBytes(32).toString('base64url'),
    dataKey: randomBytes(32).toString('base64url'),
    retentionDays: 180,
    bootstrapAdmin: { ...BENCH_ADMIN },
    publicUrl: 'http://127.0.0.1',
    // Files go to DATA_DIR/blobs; the RSS figure uploads BENCH_UPLOAD_RSS_MB (default 500) at once.
    maxUploadMb: 100_000,
    // As the service reads it: SCOPED_PAGE_CACHE=off reads every portal record page from the store.
    ...(process.env.SCOPED_PAGE_CACHE === 'off' && { scopedPageCache: false }),
    // As the service reads them: the embedded mode's JavaScript heap growth and statistics target
    // (unset: their defaults).
    ...(process.env.EMBEDDED_HEAP_GROWTH_PERCENT && {
      embeddedHeapGrowthPercent: Number(process.env.EMBEDDED_HEAP_GROWTH_PERCENT),
    }),
    ...(process.env.EMBEDDED_STATISTICS_TARGET && {
      embeddedStatisticsTarget: Number(process.env.EMBEDDED_STATISTICS_TARGET),
    }),
  };
  const statements = new StatementCounter();
  const profiler = new CpuProfiler();
  statements.install();
  traceStatementsAndWaits();
  const stores = await openServiceStores(config, { schema });
  const projector = new Projector({
    events: stores.eventStore,
    store: stores.readStore,
    logger: silentProjectorLogger,
  });
  await projector.start();
  await projector.caughtUp();
  const app = await createApiApp(
    {
      config,
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      healthChecks: [projectorHealthCheck(projector)],
    },
    { logger: ['error'] },
  );
  // Same Fastify instance, same process, no Nest pipeline, no store: what the framework alone costs.
  app
    .getHttpAdapter()
    .getInstance()
    .get(BARE_ROUTE, async () => ({ ok: true }));
  statements.attachTo(app.getHttpServer());
  traceAnnouncementsAndRequests(stores.readStore, app.getHttpServer());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const world = await benchWorld(url, config, stores, projector);
  const adminId = subjectOf(await world.app.adminToken());
  const seedClient = await openSeedClient(targets.eventStore, dataDir, schema);
  const seeder = new RecordSeeder(
    stores.eventStore,
    seedClient,
    { type: 'staff', id: adminId, name: 'Bench seeder' },
    (text) => send({ kind: 'progress', text }),
  );

  let stopSampling: (() => MemoryPeaks) | undefined;
  const pgliteHeap = seedClient instanceof PgliteSqlClient ? pgliteHeapOf(seedClient) : undefined;

  const stop = async (): Promise<void> => {
    writeTrace();
    await app.close().catch(() => undefined);
    await projector.stop().catch(() => undefined);
    await seedClient?.close().catch(() => undefined);
    await stores.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    if (targets.eventStore.startsWith('postgres') || targets.readStore.startsWith('postgres')) {
      const url_ = targets.eventStore.startsWith('postgres') ? targets.eventStore : targets.readStore;
      await dropSchema(url_, schema);
    }
  };

  const handle = async (request: BenchRequest): Promise<unknown> => {
    switch (request.op) {
      case 'seedAccounts':
        return seeder.seedAccounts(request.count);
      case 'seedCases':
        return seeder.seedCases(request.upTo);
      case 'catchUp':
        return catchUp(stores, projector);
      case 'portalUsers':
        return portalUsers(world, seeder, request.count);
      case 'rebuild':
        return projector.rebuild();
      case 'readAll':
        return rawReadAll(stores.eventStore);
      case 'rawAppends':
        return rawAppends(stores.eventStore, request.writers, request.seconds);
      case 'privacyRates':
        if (!stores.privacy) throw new Error('this store keeps no data keys: nothing to compare');
        return {
          ...(await privacyRates(
            stores.privacy,
            request.writers,
            request.seconds,
            () => catchUp(stores, projector),
            () => statements.total(),
          )),
          ...(request.rebuild && {
            rebuild: await privacyRebuild(stores.privacy, stores.readStore, projector),
          }),
        };
      case 'statements': {
        const counts = statements.snapshot();
        if (request.reset) statements.reset();
        return counts;
      }
      case 'fileTarget':
        return {
          token: world.adminToken,
          caseId: await world.createRecord('Case', { name: 'Bench files' }),
        } satisfies FileTarget;
      case 'cpuUsage': {
        const { user, system } = process.cpuUsage();
        return user + system;
      }
      case 'memoryPeaks': {
        const peaks = stopSampling?.();
        stopSampling = request.start ? samplePeaks(pgliteHeap) : undefined;
        return peaks ?? null;
      }
      case 'readCaches':
        // The uncached figure beside the cached one, on the same seeded service: the scoped page
        // cache and, on the embedded store, PGlite's kept reads (the same database instance).
        app.get(PortalRecordReads).switchCache(request.on);
        if (seedClient instanceof PgliteSqlClient) seedClient.keepReads(request.on);
        return null;
      case 'profile':
        return request.start ? profiler.start() : profiler.stopInto(request.file!);
      case 'stop':
        await stop();
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on('message', (request: BenchRequest) => {
    handle(request).then(
      (value) => send({ kind: 'result', id: request.id, value: value ?? null }),
      (error: unknown) =>
        send({
          kind: 'error',
          id: request.id,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  send({ kind: 'ready', url, pid: process.pid });
}

/** A client on the event store's own database (the very PGlite instance for embedded), or none. */
async function openSeedClient(
  target: string,
  dataDir: string,
  schema: string,
): Promise<SqlClient | undefined> {
  if (target === 'embedded') return PgliteSqlClient.open(embeddedDatabaseDir(dataDir));
  if (/^postgres(ql)?:\/\//.test(target))
    return PgSqlClient.connect({ connectionString: target, schema, max: 2 });
  return undefined;
}

/** Waits until the projector folded everything appended so far; answers events/s of that wait. */
async function catchUp(
  stores: ServiceStores,
  projector: Projector,
): Promise<{ behind: number; seconds: number }> {
  const head = await stores.eventStore.headPosition();
  const from = projector.status().checkpoint ?? -1;
  const started = Date.now();
  while ((projector.status().checkpoint ?? -1) < head) {
    const error = projector.status().lastError;
    if (error) throw new Error(`projector: ${error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { behind: head - from, seconds: (Date.now() - started) / 1000 };
}

/** The customers' portal and `count` users, spread over the seeded accounts. */
async function portalUsers(world: PortalWorld, seeder: RecordSeeder, count: number): Promise<PortalFixture> {
  const { slug, customers } = await customerPortal(world, seeder.accountIds, count);
  return { slug, tokens: customers.map((c) => c.token) };
}

function subjectOf(jwt: string): string {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { sub: string };
  return payload.sub;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
