// A rebuild on its own, in this process: seeds cases straight into the event store (nothing
// folds them live), then times a raw readAll and a full blue-green rebuild of the same log and
// reports peak RSS. For working on the rebuild without the whole bench (`npm run bench` measures
// it next to everything else). PROBE_STORE=embedded|postgres, PROBE_CASES (default 20000).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedDatabaseDir } from '@portal/event-store';
import { PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { Projector, silentProjectorLogger } from '@portal/projector';
import { openServiceStores } from '@portal/runtime';
import { dropSchema } from '../libs/projector/src/testing/test-stores';
import { rawReadAll } from './raw-store-rates';
import { RecordSeeder } from './seed-records';

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function memory(label: string): void {
  const m = process.memoryUsage();
  const mib = (n: number): number => Math.round(n / 2 ** 20);
  console.error(
    `  memory ${label}: rss ${mib(m.rss)} MiB, heap ${mib(m.heapUsed)}/${mib(m.heapTotal)}, ` +
      `external ${mib(m.external)}, arrayBuffers ${mib(m.arrayBuffers)}`,
  );
}

async function main(): Promise<void> {
  const kind = process.env.PROBE_STORE ?? 'postgres';
  const cases = Number(process.env.PROBE_CASES ?? 20_000);
  const target = kind === 'embedded' ? 'embedded' : PG_URL;
  const dataDir = await mkdtemp(join(tmpdir(), 'rebuild-probe-'));
  const schema = `probe_${randomBytes(6).toString('hex')}`;
  memory('start');
  const stores = await openServiceStores({ eventStore: target, readStore: target, dataDir }, { schema });
  memory('stores open');
  const sql: SqlClient =
    kind === 'embedded'
      ? await PgliteSqlClient.open(embeddedDatabaseDir(dataDir))
      : await PgSqlClient.connect({ connectionString: PG_URL, schema, max: 2 });
  try {
    const seeder = new RecordSeeder(stores.eventStore, sql, { type: 'system', id: 'probe' }, () => undefined);
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
    const rebuild = await projector.rebuild();
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
        peakRssMiB: await peakRssMiB(),
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
