// A rebuild on its own, in this process: seeds cases straight into the event store (nothing
// folds them live), then times a raw readAll and a full blue-green rebuild of the same log and
// reports peak RSS. For working on the rebuild without the whole bench (`npm run bench` measures
// it next to everything else). PROBE_STORE=embedded|postgres, PROBE_CASES (default 20000).
// As the service runs it: through the privacy layer (a data key), with the seeder acting as a
// named staff user. PROBE_CPU_PROFILE=<file> writes a CPU profile of the rebuild alone
// (`node bench/profile-shares.cjs <file>`); the statements the rebuild made are counted by text.
// PROBE_SCHEMA=<name> (postgres): the schema to seed and keep; one already seeded is reused as it
// is (seeding a million cases takes longer than many rebuilds), so rebuilds can be timed again and
// again. PROBE_REBUILDS (default 1): rebuilds in a row. Each rebuild's phases (the projector's log
// lines) are printed with their time, this process's CPU and RSS. PROBE_DATA_DIR=<dir> (embedded):
// the same for the embedded store, a data directory seeded once and kept.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { embeddedDatabaseDir } from '@portal/event-store';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { Projector, type ProjectorLogger } from '@portal/projector';
import { openServiceStores } from '@portal/runtime';
import { dropSchema } from '../libs/projector/src/testing/test-stores';
import { rawReadAll } from './raw-store-rates';
import { RecordSeeder } from './seed-records';
import { CpuProfiler } from './cpu-profiler';
import { countStatements } from './statement-texts';
import { pgliteHeapOf, samplePeaks } from './memory-peaks';

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** PGlite's WebAssembly heap (grows, never shrinks), when the probe runs embedded. */
let wasmHeapBytes = (): number | undefined => undefined;

function memory(label: string): void {
  // With --expose-gc: what is kept, not what is kept plus garbage not collected yet.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mib = (n: number): number => Math.round(n / 2 ** 20);
  const wasm = wasmHeapBytes();
  console.error(
    `  memory ${label}: rss ${mib(m.rss)} MiB, heap ${mib(m.heapUsed)}/${mib(m.heapTotal)}, ` +
      `external ${mib(m.external)}, arrayBuffers ${mib(m.arrayBuffers)}` +
      (wasm === undefined ? '' : `, PGlite heap ${mib(wasm)}`),
  );
}

async function main(): Promise<void> {
  const kind = process.env.PROBE_STORE ?? 'postgres';
  const cases = Number(process.env.PROBE_CASES ?? 20_000);
  const target = kind === 'embedded' ? 'embedded' : PG_URL;
  const keptDir = kind === 'embedded' ? process.env.PROBE_DATA_DIR : undefined;
  const dataDir = keptDir ?? (await mkdtemp(join(tmpdir(), 'rebuild-probe-')));
  const kept = kind === 'embedded' ? keptDir : process.env.PROBE_SCHEMA;
  const schema = kept ?? `probe_${randomBytes(6).toString('hex')}`;
  const rebuilds = Number(process.env.PROBE_REBUILDS ?? 1);
  memory('start');
  const dataKey = keptDir === undefined ? randomBytes(32).toString('base64url') : await keptKey(keptDir);
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir, dataKey },
    { schema },
  );
  memory('stores open');
  const sql: SqlClient =
    kind === 'embedded'
      ? await PgliteSqlClient.open(embeddedDatabaseDir(dataDir))
      : await PgSqlClient.connect({ connectionString: PG_URL, schema, max: 2 });
  if (sql instanceof PgliteSqlClient) {
    wasmHeapBytes = pgliteHeapOf(sql);
  }
  memory('embedded client open');
  try {
    const seeder = new RecordSeeder(
      stores.eventStore,
      sql,
      { type: 'staff', id: 'probe-staff', name: 'Probe seeder' },
      () => undefined,
    );
    const head = await stores.eventStore.headPosition();
    if (kept !== undefined && head >= 0) {
      console.error(`  ${kept} reused: ${head + 1} events there`);
    } else {
      const seeding = Date.now();
      await seeder.seedAccounts(Math.max(1, Math.round(cases / 100)));
      await seeder.seedCases(cases);
      console.error(`  seeded ${cases} cases in ${((Date.now() - seeding) / 1000).toFixed(1)}s`);
    }
    memory('seeded');
    const phases = phaseLogger();
    const projector = new Projector({
      events: stores.eventStore,
      store: stores.readStore,
      logger: phases,
      autoRebuild: false,
      retireDelayMs: 0,
    });
    const readAll = await rawReadAll(stores.eventStore);
    console.error(`  readAll ${readAll.events} events in ${readAll.seconds}s: ${readAll.perSecond}/s`);
    memory('read');
    for (let round = 1; round <= rebuilds; round++) {
      if (rebuilds > 1) console.error(`  rebuild ${round} of ${rebuilds}`);
      await timeRebuild(projector, phases, readAll.perSecond, kind, cases);
    }
    await projector.stop();
  } finally {
    await sql.close();
    await stores.close();
    if (keptDir === undefined) await rm(dataDir, { recursive: true, force: true });
    if (kind !== 'embedded' && kept === undefined) await dropSchema(PG_URL, schema);
  }
}

/** A kept data directory's data key, made at its first use (its sealed values open again). */
async function keptKey(dir: string): Promise<string> {
  const file = join(dir, 'probe-data-key');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) return existing;
  const key = randomBytes(32).toString('base64url');
  await mkdir(dir, { recursive: true });
  await writeFile(file, key);
  return key;
}

interface PhaseLogger extends ProjectorLogger {
  /** Phases are timed from now on. */
  restart(): void;
}

/**
 * Each projector log line (the rebuild's phases: the load ends with "building its indexes", the
 * indexes and statistics with "switched") with the seconds and this process's CPU since the line
 * before, its RSS and the machine's load average.
 */
function phaseLogger(): PhaseLogger {
  let at = performance.now();
  let cpu = process.cpuUsage();
  const restart = (): void => {
    at = performance.now();
    cpu = process.cpuUsage();
  };
  const line = (message: string): void => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    console.error(
      `  [${((now - at) / 1000).toFixed(2)}s, cpu ${((used.user + used.system) / 1e6).toFixed(2)}s, ` +
        `rss ${rss} MiB, load ${loadavg()[0].toFixed(1)}] ${message}`,
    );
    restart();
  };
  return { log: line, warn: line, error: line, restart };
}

/** One rebuild: its time, CPU, peaks and statements, printed; its figures as a JSON line. */
async function timeRebuild(
  projector: Projector,
  phases: PhaseLogger,
  readAllPerSecond: number,
  kind: string,
  cases: number,
): Promise<void> {
  const profileFile = process.env.PROBE_CPU_PROFILE;
  const profiler = new CpuProfiler();
  if (profileFile) await profiler.start();
  const counted = countStatements();
  // The rebuild's own peak: VmHWM restarts here (Linux: 5 into clear_refs).
  await writeFile('/proc/self/clear_refs', '5');
  const peaks = samplePeaks(wasmHeapBytes);
  phases.restart();
  // PROBE_HEAP_SNAPSHOT_AT=<seconds>: a heap snapshot that long into the rebuild (what its peak holds).
  const snapshotAt = Number(process.env.PROBE_HEAP_SNAPSHOT_AT ?? 0);
  const snapshot =
    snapshotAt > 0
      ? setTimeout(() => console.error(`  heap snapshot ${writeHeapSnapshot()}`), snapshotAt * 1000)
      : undefined;
  const cpuBefore = process.cpuUsage();
  const rebuild = await projector.rebuild();
  const cpu = process.cpuUsage(cpuBefore);
  clearTimeout(snapshot);
  const rebuildPeaks = peaks();
  const rebuildPeakRssMiB = await peakRssMiB();
  console.error(`  rebuild peaks (MiB): ${JSON.stringify(rebuildPeaks)}, VmHWM ${rebuildPeakRssMiB}`);
  const statements = counted.stop();
  // On the embedded store the database runs in this process: its CPU time is the rebuild's whole
  // cost, a figure machine load moves far less than the rate.
  const cpuSeconds = Math.round((cpu.user + cpu.system) / 10_000) / 100;
  console.error(`  rebuild CPU of this process: ${cpuSeconds}s`);
  if (profileFile) await profiler.stopInto(profileFile);
  console.error(`  statements during the rebuild: ${statements.total}`);
  for (const [text, n, ms] of statements.top(30))
    console.error(`    ${String(n).padStart(6)} ${String(ms).padStart(7)} ms  ${text}`);
  const perSecond = Math.round(rebuild.events / rebuild.seconds);
  console.error(`  rebuild ${rebuild.events} events in ${rebuild.seconds.toFixed(2)}s: ${perSecond}/s`);
  memory('rebuilt');
  console.log(
    JSON.stringify({
      kind,
      cases,
      readAllPerSecond,
      rebuildPerSecond: perSecond,
      rebuildRatio: Math.round((perSecond / readAllPerSecond) * 1000) / 1000,
      rebuildCpuSeconds: cpuSeconds,
      statementsPerEvent: Math.round((statements.total / rebuild.events) * 1000) / 1000,
      rebuildPeakRssMiB,
    }),
  );
}

void main();
