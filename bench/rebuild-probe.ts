// A rebuild on its own, in this process: seeds cases straight into the event store (nothing
// folds them live), then times a raw readAll and a full blue-green rebuild of the same log and
// reports peak RSS. For working on the rebuild without the whole bench (`npm run bench` measures
// it next to everything else). PROBE_STORE=embedded|postgres, PROBE_CASES (default 20000).
// As the service runs it: through the privacy layer (a data key), with the seeder acting as a
// named staff user. PROBE_CPU_PROFILE=<file> writes a CPU profile of the rebuild alone
// (`node bench/profile-shares.cjs <file>`); the statements the rebuild made are counted by text.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseDir } from '@portal/event-store';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { Projector, silentProjectorLogger } from '@portal/projector';
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
  const dataDir = await mkdtemp(join(tmpdir(), 'rebuild-probe-'));
  const schema = `probe_${randomBytes(6).toString('hex')}`;
  memory('start');
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir, dataKey: randomBytes(32).toString('base64url') },
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
    const seeding = Date.now();
    await seeder.seedAccounts(Math.max(1, Math.round(cases / 100)));
    await seeder.seedCases(cases);
    console.error(`  seeded ${cases} cases in ${((Date.now() - seeding) / 1000).toFixed(1)}s`);
    memory('seeded');
    const projector = new Projector({
      events: stores.eventStore,
      store: stores.readStore,
      logger: silentProjectorLogger,
      autoRebuild: false,
      retireDelayMs: 0,
    });
    const readAll = await rawReadAll(stores.eventStore);
    console.error(`  readAll ${readAll.events} events in ${readAll.seconds}s: ${readAll.perSecond}/s`);
    memory('read');
    const profileFile = process.env.PROBE_CPU_PROFILE;
    const profiler = new CpuProfiler();
    if (profileFile) await profiler.start();
    const counted = countStatements();
    // The rebuild's own peak: VmHWM restarts here (Linux: 5 into clear_refs).
    await writeFile('/proc/self/clear_refs', '5');
    const peaks = samplePeaks(wasmHeapBytes);
    const cpuBefore = process.cpuUsage();
    const rebuild = await projector.rebuild();
    const cpu = process.cpuUsage(cpuBefore);
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
    await projector.stop();
    console.log(
      JSON.stringify({
        kind,
        cases,
        readAllPerSecond: readAll.perSecond,
        rebuildPerSecond: perSecond,
        rebuildRatio: Math.round((perSecond / readAll.perSecond) * 1000) / 1000,
        rebuildCpuSeconds: cpuSeconds,
        statementsPerEvent: Math.round((statements.total / rebuild.events) * 1000) / 1000,
        rebuildPeakRssMiB,
      }),
    );
  } finally {
    await sql.close();
    await stores.close();
    await rm(dataDir, { recursive: true, force: true });
    if (kind !== 'embedded') await dropSchema(PG_URL, schema);
  }
}

void main();
