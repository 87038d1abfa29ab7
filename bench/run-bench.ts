// `npm run bench`: seeds each store, runs every measurement next to its baseline in the same run,
// prints a table and, as the last line, one JSON object keyed by store name. Results are also
// written to bench/results/. BENCH_SCALE=small|full|large (large adds the 1M-case point).
// The file transfer figures run on the first store (BENCH_FILE_MB, BENCH_UPLOAD_RSS_MB set their
// sizes); BENCH_ONLY=files runs only them. BENCH_ONLY=privacy runs only the raw appends and reads
// through the privacy layer and beside it (privacy-rates.ts) on every store, BENCH_REPEAT times
// (default 1; privacy-repeats.ts). BENCH_ONLY=commands runs
// only the commandRatio, BENCH_REPEAT times (command-rates.ts); BENCH_ONLY=lists only the
// scopedListRatio (list-rates.ts); BENCH_ONLY=rebuild only the rebuildRatio with the service's
// memory during the rebuild (rebuild-rates.ts); BENCH_ONLY=ryw only the rywWaitRatio (ryw-rates.ts);
// BENCH_ONLY=health only GET /health beside the bare route (health-rates.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  BARE_ROUTE,
  type AppendLatencies,
  type PrivacyRates,
  type RateResult,
  type StoreTargets,
} from './bench-messages';
import { benchScale, type BenchScale } from './bench-scale';
import { benchCommandsOnly } from './command-rates';
import { benchListsOnly } from './list-rates';
import { createAndReadBack } from './ryw-rates';
import { benchRebuildOnly } from './rebuild-rates';
import { benchRywOnly } from './ryw-rates';
import { benchHealthOnly } from './health-rates';
import { medianPrivacyRatios, privacyRepeats } from './privacy-repeats';
import type { MemoryPeaks } from './memory-peaks';
import { benchFileTransfer, fileSizesFromEnv } from './file-transfer';
import { benchEmails } from './email-rates';
import { load, sequentialLatencies, timedGet, type LoadResult } from './http-load';
import { round } from './raw-store-rates';
import { ServiceChild } from './service-child';
import type { StatementCounts } from './statement-counter';
import { seedPortalFixture } from './portal-fixture';

interface RebuildAnswer {
  events: number;
  seconds: number;
}

function storesToRun(): Record<string, StoreTargets> {
  const stores: Record<string, StoreTargets> = {
    embedded: { eventStore: 'embedded', readStore: 'embedded' },
  };
  const pg = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (process.env.BENCH_SKIP_POSTGRES !== 'true') stores.postgres = { eventStore: pg, readStore: pg };
  // The other adapters pair with Postgres on the other side (or embedded without it).
  if (process.env.ESDB_URL)
    stores.esdb = { eventStore: process.env.ESDB_URL, readStore: stores.postgres?.readStore ?? 'embedded' };
  if (process.env.MONGO_URL)
    stores.mongo = {
      eventStore: stores.postgres?.eventStore ?? 'embedded',
      readStore: process.env.MONGO_URL,
    };
  // BENCH_STORES=postgres,esdb runs only those (a 1M-case run on one store takes half an hour).
  const only = process.env.BENCH_STORES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!only?.length) return stores;
  const unknown = only.filter((name) => !stores[name]);
  if (unknown.length > 0)
    throw new Error(`BENCH_STORES names stores not available here: ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(stores).filter(([name]) => only.includes(name)));
}

const log = (text: string): void => void process.stderr.write(`${text}\n`);

async function benchStore(
  name: string,
  targets: StoreTargets,
  scale: BenchScale,
  parts: {
    files: boolean;
    rest: boolean;
    privacyOnly: boolean;
    commandsOnly: boolean;
    listsOnly: boolean;
    rebuildOnly: boolean;
    rywOnly: boolean;
    healthOnly: boolean;
  },
): Promise<Record<string, unknown>> {
  log(`\n== ${name} (${scale.name}) ==`);
  const service = await ServiceChild.start(targets, (text) => log(`  [${name}] ${text}`));
  try {
    // Before the seeding: the RSS figure is the growth during one upload, on a fresh service.
    const files = parts.files
      ? await benchFileTransfer(service, fileSizesFromEnv(), (text) => log(`  [${name}] ${text}`))
      : undefined;
    if (parts.privacyOnly) {
      const runs: PrivacyRates[] = [];
      for (let run = 0; run < privacyRepeats(); run += 1)
        runs.push(await measurePrivacy(service, name, scale, run === 0));
      return {
        privacy: runs.length === 1 ? privacyRatios(runs[0]) : medianPrivacyRatios(runs),
        raw: { privacy: runs[0], ...(runs.length > 1 && { privacyRuns: runs }) },
      };
    }
    if (parts.commandsOnly) return await benchCommandsOnly(service, scale, name, log);
    if (parts.listsOnly) return await benchListsOnly(service, scale, name, log);
    if (parts.rebuildOnly) return await benchRebuildOnly(service, scale, name, log);
    if (parts.rywOnly) return await benchRywOnly(service, scale, name, log);
    if (parts.healthOnly) return await benchHealthOnly(service, scale, name, log);
    if (!parts.rest) return { files };
    const fixture = await seedPortalFixture(service, scale);
    const listUrl = `${service.url}/v1/portals/${fixture.slug}/records/Case?perPage=20`;
    // Statements per request kind count from here: the fixture's logins and admin calls are not measured.
    await service.request('statements', { reset: true });
    const auth = { authorization: `Bearer ${fixture.tokens[0]}` };

    // #5 and #1: seed up to each point, let the projector catch up, measure.
    const scaleP50: Record<string, number> = {};
    const seeding: Record<string, { seedSeconds: number; catchUpSeconds: number }> = {};
    let scopedList: LoadResult | undefined;
    let scopedListUncached: LoadResult | undefined;
    let bare: LoadResult | undefined;
    let health: LoadResult | undefined;
    service.resetPeakRss();
    for (const point of scale.scalePoints) {
      const seedStart = Date.now();
      await service.request('seedCases', { upTo: point });
      const seedSeconds = (Date.now() - seedStart) / 1000;
      const caught = await service.request<'catchUp', { seconds: number }>('catchUp', {});
      seeding[point] = { seedSeconds: round(seedSeconds, 1), catchUpSeconds: round(caught.seconds, 1) };
      log(
        `  [${name}] ${point} cases: seeded in ${seedSeconds.toFixed(1)}s, projector caught up ${caught.seconds.toFixed(1)}s later`,
      );
      // The store's cost of a scoped list at this size: with the read caches off (a kept page
      // would answer in no time at any size), one request at a time (latency without queueing),
      // timed to the microsecond (autocannon's whole milliseconds read 0 for a fast list).
      await service.request('readCaches', { on: false });
      try {
        await load({ url: listUrl, headers: auth, seconds: 1, connections: 1 }); // warm-up
        const single = await sequentialLatencies(SCALE_SAMPLES, () =>
          timedGet(`scoped list at ${point}`, listUrl, auth),
        );
        scaleP50[point] = single.p50Ms;
      } finally {
        await service.request('readCaches', { on: true });
      }
      if (point === scale.listAt) {
        scopedList = await load({
          url: listUrl,
          headers: auth,
          seconds: scale.loadSeconds,
          connections: scale.connections,
        });
        assertAllOk('scoped list', scopedList);
        // The same list with the scoped page cache off (every page read from the store): the
        // uncached figure beside the cached one.
        await service.request('readCaches', { on: false });
        scopedListUncached = await load({
          url: listUrl,
          headers: auth,
          seconds: scale.loadSeconds,
          connections: scale.connections,
        }).finally(() => service.request('readCaches', { on: true }));
        assertAllOk('scoped list uncached', scopedListUncached);
        bare = await load({
          url: `${service.url}${BARE_ROUTE}`,
          seconds: scale.loadSeconds,
          connections: scale.connections,
        });
        assertAllOk('bare route', bare);
        // GET /health under the same load: load balancers and orchestrators poll it.
        health = await load({
          url: `${service.url}/health`,
          seconds: scale.loadSeconds,
          connections: scale.connections,
        });
        assertAllOk('health', health);
        log(
          `  [${name}] scoped list ${scopedList.requestsPerSecond} req/s (uncached ${scopedListUncached.requestsPerSecond}), bare ${bare.requestsPerSecond} req/s, health ${health.requestsPerSecond} req/s`,
        );
      }
    }
    const scalePeakRssMiB = service.peakRssMiB();

    // #2: portal users creating cases through HTTP, then raw appends with the same concurrency.
    const commands = await load({
      url: `${service.url}/v1/portals/${fixture.slug}/records/Case`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Printer out of toner',
        description: 'Since this morning.',
        priority: 'High',
      }),
      seconds: scale.loadSeconds,
      connections: scale.connections,
    });
    assertAllOk('create case', commands);
    const rawConcurrent = await service.request<'rawAppends', AppendLatencies>('rawAppends', {
      writers: scale.connections,
      seconds: scale.loadSeconds,
    });
    log(`  [${name}] commands ${commands.requestsPerSecond}/s, raw appends ${rawConcurrent.perSecond}/s`);
    const privacy = await measurePrivacy(service, name, scale);

    // #4: a write, then a GET carrying its consistency token, one after the other.
    const rawSingle = await service.request<'rawAppends', AppendLatencies>('rawAppends', {
      writers: 1,
      seconds: 2,
    });
    const casesUrl = `${service.url}/v1/portals/${fixture.slug}/records/Case`;
    const ryw = await sequentialLatencies(
      scale.rywSamples,
      async () => (await createAndReadBack(casesUrl, auth)).readMs,
    );
    log(
      `  [${name}] read-your-writes p50 ${ryw.p50Ms}ms p99 ${ryw.p99Ms}ms, raw append p50 ${rawSingle.p50Ms}ms`,
    );
    const statements = await service.request<'statements', StatementCounts>('statements', { reset: true });
    log(`  [${name}] store statements per request: ${statementsLine(statements)}`);
    const sequential = await sequentialStatements(service, listUrl, auth);
    log(`  [${name}] store statements per request, one at a time: ${statementsLine(sequential)}`);

    // #3 and #6: a full blue-green rebuild, then the same log read raw.
    service.resetPeakRss();
    log(`  [${name}] rebuilding read models...`);
    await service.request('memoryPeaks', { start: true });
    const rebuild = await service.request<'rebuild', RebuildAnswer>('rebuild', {});
    const rebuildMemory = await service.request<'memoryPeaks', MemoryPeaks>('memoryPeaks', { start: false });
    const rebuildPeakRssMiB = service.peakRssMiB();
    log(`  [${name}] rebuild memory peaks (MiB): ${JSON.stringify(rebuildMemory)}`);
    const readAll = await service.request<'readAll', RateResult>('readAll', {});
    const rebuildPerSecond = Math.round(rebuild.events / rebuild.seconds);
    log(`  [${name}] rebuild ${rebuildPerSecond} events/s, readAll ${readAll.perSecond} events/s`);

    const first = scale.scalePoints[0];
    const last = scale.scalePoints[scale.scalePoints.length - 1];
    return {
      ...(files ? { files } : {}),
      scopedListRatio: ratio(scopedList!.requestsPerSecond, bare!.requestsPerSecond),
      scopedListRatioUncached: ratio(scopedListUncached!.requestsPerSecond, bare!.requestsPerSecond),
      commandRatio: ratio(commands.requestsPerSecond, rawConcurrent.perSecond),
      rebuildRatio: ratio(rebuildPerSecond, readAll.perSecond),
      rywWaitRatio: ratio(ryw.p50Ms, rawSingle.p50Ms),
      scaleRatio: ratio(scaleP50[last], scaleP50[first]),
      peakRssMiB: Math.max(scalePeakRssMiB, rebuildPeakRssMiB),
      healthPerSecond: health!.requestsPerSecond,
      privacy: privacyRatios(privacy),
      statementsPerRequest: Object.fromEntries(
        Object.entries(statements).map(([kind, count]) => [kind, count.perRequest]),
      ),
      statementsOneAtATime: Object.fromEntries(
        Object.entries(sequential).map(([kind, count]) => [kind, count.perRequest]),
      ),
      raw: {
        health,
        statements,
        statementsOneAtATime: sequential,
        scopedList: {
          cases: scale.listAt,
          casesVisible: Math.ceil(scale.listAt / scale.accounts),
          ...scopedList,
        },
        scopedListUncached,
        bareRoute: bare,
        commands,
        rawAppends: rawConcurrent,
        privacy,
        readYourWrites: ryw,
        rawAppendSingleWriter: rawSingle,
        rebuild: { events: rebuild.events, seconds: round(rebuild.seconds), perSecond: rebuildPerSecond },
        readAll,
        scaleP50Ms: scaleP50,
        seeding,
        peakRssMiB: { scaleAndList: scalePeakRssMiB, rebuild: rebuildPeakRssMiB },
        rebuildMemoryPeaksMiB: rebuildMemory,
      },
    };
  } finally {
    await service.stop();
  }
}

/** Raw appends (the scale's concurrency) and reads, with the privacy layer and without, same run. */
/** The privacy layer's ratios, as the summary table shows them (the raw rates go under `raw`). */
function privacyRatios(privacy: PrivacyRates): Record<string, number> {
  const { appendRatio, readRatio, cpuAppendRatio, cpuReadRatio, coldReadRatio, cpuColdReadRatio } = privacy;
  return {
    appendRatio,
    readRatio,
    cpuAppendRatio,
    cpuReadRatio,
    coldReadRatio,
    cpuColdReadRatio,
    ...(privacy.rebuild && {
      rebuildRatio: privacy.rebuild.rebuildRatio,
      cpuRebuildRatio: privacy.rebuild.cpuRebuildRatio,
    }),
  };
}

async function measurePrivacy(
  service: ServiceChild,
  name: string,
  scale: BenchScale,
  withRebuild = true,
): Promise<PrivacyRates> {
  const rates = await service.request<'privacyRates', PrivacyRates>('privacyRates', {
    writers: scale.connections,
    seconds: scale.loadSeconds,
    rebuild: withRebuild && scale.privacyRebuild,
  });
  const rebuild = rates.rebuild
    ? `rebuild ${rates.rebuild.encrypted.perSecond} events/s vs ${rates.rebuild.plain.perSecond}/s without the layer (${rates.rebuild.rebuildRatio}), CPU µs per event ${rates.rebuild.encrypted.cpuMicrosPerEvent} vs ${rates.rebuild.plain.cpuMicrosPerEvent} (${rates.rebuild.cpuRebuildRatio})`
    : 'rebuild not measured at this scale';
  log(
    `  [${name}] privacy layer: appends ${rates.appends.encrypted.perSecond}/s vs ${rates.appends.plain.perSecond}/s plain (${rates.appendRatio}), reads ${rates.reads.encrypted.perSecond}/s vs ${rates.reads.plain.perSecond}/s (${rates.readRatio}); CPU µs per event: appends ${rates.appends.encrypted.cpuMicrosPerEvent} vs ${rates.appends.plain.cpuMicrosPerEvent} (${rates.cpuAppendRatio}), statements per append ${rates.appends.encrypted.statementsPerEvent} vs ${rates.appends.plain.statementsPerEvent}, reads ${rates.reads.encrypted.cpuMicrosPerEvent} vs ${rates.reads.plain.cpuMicrosPerEvent} (${rates.cpuReadRatio}); cold reads ${rates.reads.encryptedCold.perSecond}/s (${rates.coldReadRatio}), ${rates.reads.encryptedCold.cpuMicrosPerEvent} µs (${rates.cpuColdReadRatio}); ${rebuild}`,
  );
  return rates;
}

const SEQUENTIAL_REQUESTS = 20;
/** Scoped lists timed one at a time at each scale point (uncached: ~40 ms each at 1M embedded). */
const SCALE_SAMPLES = 200;

/**
 * Statements per request with one request at a time and nothing else running: scoped lists after a
 * warm-up (the steady state of a reading customer), then case creations (each moves the read
 * models on, so the next one finds its cached access context outdated, as under write load).
 */
async function sequentialStatements(
  service: ServiceChild,
  listUrl: string,
  auth: Record<string, string>,
): Promise<StatementCounts> {
  const expectOk = async (response: Promise<Response>): Promise<void> => {
    const res = await response;
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`sequential statements probe: ${res.status}`);
  };
  await expectOk(fetch(listUrl, { headers: auth }));
  await service.request('statements', { reset: true });
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i += 1) await expectOk(fetch(listUrl, { headers: auth }));
  const createUrl = listUrl.split('?')[0];
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i += 1) {
    await expectOk(
      fetch(createUrl, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `One at a time ${i}` }),
      }),
    );
  }
  return service.request<'statements', StatementCounts>('statements', { reset: true });
}

/** `scopedList 8 (1234 requests), ...`: statements per request of each kind seen. */
function statementsLine(counts: StatementCounts): string {
  return Object.entries(counts)
    .filter(([kind]) => kind !== 'background')
    .map(([kind, count]) => `${kind} ${count.perRequest} (${count.requests} requests)`)
    .join(', ');
}

/** A measurement of failing requests would be meaningless (errors and timeouts are reported). */
function assertAllOk(what: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.requests === 0) {
    throw new Error(
      `${what}: ${result.non2xx} non-2xx and ${result.errors} errors of ${result.requests} requests`,
    );
  }
}

/** Three significant digits: the scoped list's ratio can be well below 0.001. */
function ratio(value: number, baseline: number): number {
  return baseline > 0 ? Number((value / baseline).toPrecision(3)) : 0;
}

function table(results: Record<string, Record<string, unknown>>): string {
  const rows = [
    'scopedListRatio',
    'scopedListRatioUncached',
    'commandRatio',
    'rebuildRatio',
    'rywWaitRatio',
    'scaleRatio',
    'peakRssMiB',
    'healthPerSecond',
    'privacy',
    'statementsPerRequest',
    'statementsOneAtATime',
    'commandRatioSpread',
    'rywWaitRatioSpread',
    'readYourWritesP50Ms',
    'plainReadP50Ms',
    'rawAppendP50Ms',
    'cpuPerHealthUs',
    'cpuPerBareUs',
    'cpuPerCommandUs',
    'cpuPerRawAppendUs',
    'files',
  ];
  const names = Object.keys(results).filter((name) => name !== 'email');
  const lines = [`| figure | ${names.join(' | ')} |`, `| --- |${names.map(() => ' --- |').join('')}`];
  const cell = (value: unknown): string =>
    value === undefined
      ? '—'
      : typeof value === 'object' && value !== null
        ? Object.entries(value)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ')
        : String(value);
  for (const row of rows.filter((r) => names.some((n) => results[n][r] !== undefined)))
    lines.push(`| ${row} | ${names.map((n) => cell(results[n][row])).join(' | ')} |`);
  const email = results.email;
  if (email) {
    lines.push('', '| email figure | one-process service |', '| --- | --- |');
    for (const [key, value] of Object.entries(email))
      if (key !== 'raw') lines.push(`| ${key} | ${cell(value)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const scale = benchScale(process.env.BENCH_SCALE);
  const started = Date.now();
  const load1 = loadavg()[0];
  const results: Record<string, Record<string, unknown>> = {};
  // BENCH_ONLY=files, =privacy, =commands, =lists, =rebuild, =ryw, =health or =email runs only those figures.
  const only = process.env.BENCH_ONLY;
  const parts = ['files', 'privacy', 'commands', 'lists', 'rebuild', 'ryw', 'health', 'email'];
  if (only !== undefined && !parts.includes(only))
    throw new Error(`BENCH_ONLY may only be one of ${parts.join(', ')}`);
  if (only !== 'email')
    for (const [index, [name, targets]] of Object.entries(storesToRun()).entries()) {
      if (only === 'files' && index > 0) break;
      results[name] = await benchStore(name, targets, scale, {
        files: index === 0 && (only === undefined || only === 'files'),
        rest: only === undefined,
        privacyOnly: only === 'privacy',
        commandsOnly: only === 'commands',
        listsOnly: only === 'lists',
        rebuildOnly: only === 'rebuild',
        rywOnly: only === 'ryw',
        healthOnly: only === 'health',
      });
    }
  if (only === undefined || only === 'email') {
    log('\n== email (one-process service, embedded store, in-process queue) ==');
    const emails = await benchEmails(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', log);
    results.email = { ...emails };
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const record = {
    scale: scale.name,
    at: new Date().toISOString(),
    seconds,
    loadAverageAtStart: round(load1, 1),
    results,
  };
  // A files-, privacy-, commands-, lists-, rebuild-, ryw-, health- or email-only run keeps the full runs' records.
  const file =
    only === 'files'
      ? `files-${fileSizesFromEnv().fileMiB}mb`
      : only === 'privacy' ||
          only === 'commands' ||
          only === 'lists' ||
          only === 'rebuild' ||
          only === 'ryw' ||
          only === 'health'
        ? `${only}-${scale.name}`
        : only === 'email'
          ? 'email'
          : scale.name;
  writeFileSync(
    join(dir, `${file}.json`),
    `${JSON.stringify({ ...record, files: fileSizesFromEnv() }, null, 2)}\n`,
  );
  writeFileSync(join(dir, `${file}.md`), `${table(results)}\n`);
  log(`\n${table(results)}\n(${scale.name}, ${seconds}s, load average ${load1.toFixed(1)} at start)`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
