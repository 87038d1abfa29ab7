// The live projector's cost per created case, in this process: a generation caught up on a
// realistic history (history-scenario), then rounds of PROBE_CASES (default 8) new cases appended
// and caught up as the live runner does (from its checkpoint, one batch each). Prints the median
// CPU (user + system) of the catch-up per case, each statement text's time per case (wall time:
// on PGlite that is its run on this thread, plus whatever the machine's load adds) and the
// catch-up's statements per case. Ways to take the cost apart, alternated block by block:
// PROBE_DROP_INDEXES=a,b (those indexes dropped, made again after the block), PROBE_OFF / PROBE_ON
// (a statement before and after the block, e.g. DISABLE / ENABLE TRIGGER). PROBE_ANALYZE=1 times
// an ANALYZE of each table at the end, PROBE_PROFILE=<file> writes a CPU profile of the rounds,
// PROBE_PRINT=1 prints each statement text once.
// `node -r ./test/support/register-ts.cjs bench/projector-fold-probe.ts embedded|postgres` (PG_URL).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@portal/event-store';
import { embeddedDatabaseDir } from '@portal/event-store';
import { dropSchema, PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { ALL_PROJECTIONS, catchUp, prepareGeneration } from '@portal/projector';
import { openServiceStores } from '@portal/runtime';
import { appendHistory, buildHistory } from '../libs/projector/src/testing/history-scenario';
import { CpuProfiler } from './cpu-profiler';
import { median } from './percentile';
import { hookSqlStatements } from './sql-statement-hooks';

const CASES = Number(process.env.PROBE_CASES ?? 8);
const ROUNDS_PER_BLOCK = Number(process.env.PROBE_ROUNDS ?? 40);
const BLOCKS = Number(process.env.PROBE_BLOCKS ?? 10);

async function main(): Promise<void> {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'embedded';
  const dataDir = await mkdtemp(join(tmpdir(), 'fold-probe-'));
  const schema = `fold_probe_${randomBytes(4).toString('hex')}`;
  const url = process.env.PG_URL!;
  // Each catch-up statement's wall time by its start (PGlite runs it on this thread: its CPU).
  let timing = false;
  let statementCount = 0;
  const byText = new Map<string, number>();
  hookSqlStatements(async (text, n, run) => {
    statementCount += n;
    if (!timing) return run();
    const started = performance.now();
    try {
      return await run();
    } finally {
      const key = text.replace(/\s+/g, ' ').slice(0, 110);
      if (process.env.PROBE_PRINT && !byText.has(key)) console.log(text);
      byText.set(key, (byText.get(key) ?? 0) + performance.now() - started);
    }
  });
  const target = kind === 'embedded' ? 'embedded' : url;
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir, dataKey: randomBytes(32).toString('base64url') },
    { schema },
  );
  const { eventStore, readStore } = stores;
  const history = buildHistory({
    portals: 2,
    accounts: 100,
    contactsPerAccount: 3,
    casesPerContact: 8,
    activityPerCase: 1,
  });
  await appendHistory(eventStore, history);
  await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
  let checkpoint = await catchUp(eventStore, readStore, 1, ALL_PROJECTIONS);
  // Who creates the new cases: the history's portal users' case events, copied with new ids.
  const templates = history
    .flatMap((a) => a.events)
    .filter((e) => e.type === 'CaseCreatedByPortalUser')
    .slice(0, 200);
  let n = 0;
  let folded = 0;
  const round = async (): Promise<number> => {
    for (let i = 0; i < CASES; i += 1) {
      const template = templates[n++ % templates.length];
      const id = randomUUID();
      const data = { ...(template.data as Record<string, unknown>), id };
      const event: NewEvent = { ...template, id: randomUUID(), data };
      await eventStore.append(`record-Case-${id}`, [event], 'no-stream');
    }
    const before = statementCount;
    timing = true;
    const cpu = process.cpuUsage();
    checkpoint = await catchUp(eventStore, readStore, 1, ALL_PROJECTIONS, {
      from: checkpoint,
      traceEvents: true,
    });
    const used = process.cpuUsage(cpu);
    timing = false;
    folded += statementCount - before;
    return used.user + used.system;
  };
  for (let i = 0; i < ROUNDS_PER_BLOCK; i += 1) await round(); // warm-up
  byText.clear();
  const profiler = new CpuProfiler();
  if (process.env.PROBE_PROFILE) await profiler.start();
  const dropped = (process.env.PROBE_DROP_INDEXES ?? '').split(',').filter(Boolean);
  if (process.env.PROBE_OFF && dropped.length === 0) dropped.push('-');
  const sql: SqlClient =
    kind === 'embedded'
      ? await PgliteSqlClient.open(embeddedDatabaseDir(dataDir))
      : await PgSqlClient.connect({ connectionString: url, schema });
  const definitions = new Map<string, string>();
  const cpu = { all: [] as number[], dropped: [] as number[] };
  let statementsPerCase = 0;
  for (let block = 0; block < BLOCKS; block += 1) {
    for (const way of dropped.length === 0
      ? (['all'] as const)
      : block % 2 === 0
        ? (['all', 'dropped'] as const)
        : (['dropped', 'all'] as const)) {
      if (way === 'dropped') {
        if (process.env.PROBE_OFF) await sql.query(process.env.PROBE_OFF);
        for (const name of dropped.filter((d) => d !== '-')) {
          const { rows } = await sql.query<{ def: string }>(`SELECT pg_get_indexdef($1::regclass) AS def`, [
            name,
          ]);
          definitions.set(name, rows[0].def);
          await sql.query(`DROP INDEX ${name}`);
        }
      }
      folded = 0;
      let used = 0;
      for (let i = 0; i < ROUNDS_PER_BLOCK; i += 1) used += await round();
      statementsPerCase = folded / (ROUNDS_PER_BLOCK * CASES);
      cpu[way].push(used / (ROUNDS_PER_BLOCK * CASES));
      if (way === 'dropped') {
        for (const def of definitions.values()) await sql.query(def);
        if (process.env.PROBE_ON) await sql.query(process.env.PROBE_ON);
      }
    }
  }
  if (process.env.PROBE_ANALYZE) {
    const { rows: tables } = await sql.query<{ t: string; n: number }>(
      `SELECT relname AS t, reltuples::int AS n FROM pg_class WHERE relkind = 'r' AND relname ~ '^(rm|rc|ro)_g1_' ORDER BY relname`,
    );
    for (const { t, n: rows } of tables) {
      const at = process.cpuUsage();
      for (let i = 0; i < 5; i += 1) await sql.query(`ANALYZE "${t}"`);
      const used = process.cpuUsage(at);
      console.log(`ANALYZE ${t} (${rows} rows): ${Math.round((used.user + used.system) / 5000)} ms CPU`);
    }
  }
  if (process.env.PROBE_PROFILE) await profiler.stopInto(process.env.PROBE_PROFILE);
  for (const way of ['all', 'dropped'] as const)
    if (cpu[way].length > 0)
      console.log(
        `${kind} ${way}: ${Math.round(median(cpu[way]))} µs CPU per case (per block: ${cpu[way].map(Math.round).join(', ')})`,
      );
  const cases = BLOCKS * ROUNDS_PER_BLOCK * CASES * (dropped.length === 0 ? 1 : 2);
  for (const [text, ms] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`${String(Math.round((ms * 1000) / cases)).padStart(6)} µs per case  ${text}`);
  console.log(`catch-up statements per case (last block): ${statementsPerCase.toFixed(2)}`);
  if (kind === 'postgres') await sql.close();
  await stores.close();
  if (kind === 'postgres') await dropSchema(url, schema);
  await rm(dataDir, { recursive: true, force: true });
}

void main();
