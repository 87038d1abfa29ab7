// `npm run soak:growth -- --cases 1500`: what each of the soak's request kinds costs the one-process
// service (its CPU ms and store statements per request, and the closed-loop latency) at the start,
// and again after the soak's traffic has grown the data (`--cases` cases created, with the
// comments, status changes, follows and logins that come with them). One request at a time per
// kind, the projector and the mailer caught up before and after each kind, so the figures are
// the kind's own (its emails and projection included). A busy machine inflates every figure alike;
// a ratio late/early above 1 is work that grows with the data. Flags: --cases (1500), --per-kind
// (60 requests per kind and measurement), --concurrency (8, of the growth traffic), --statements
// (each kind's statements by their first words).
import { parseArgs } from 'node:util';
import { EmailServiceChild } from './email-service-child';
import type { EmailCounts, SoakSetup } from './email-service';
import { percentile } from './percentile';
import { round } from './raw-store-rates';
import { MIX, pickKind, Traffic, type Kind } from './soak-traffic';

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string', default: '1500' },
    'per-kind': { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '8' },
    statements: { type: 'boolean', default: false },
  },
});
const CASES = Number(flags.cases);
const PER_KIND = Number(flags['per-kind']);
const CONCURRENCY = Number(flags.concurrency);

const log = (text: string): void => void process.stdout.write(`${text}\n`);

interface KindCost {
  cpuMs: number;
  statements: number;
  p50: number;
  /** Statements by their first words: per request, count and milliseconds. */
  texts: [string, number, number][];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The projector and the mailer have nothing left to do. */
async function quiet(service: EmailServiceChild): Promise<EmailCounts> {
  for (;;) {
    const counts = await service.request<'counts', EmailCounts>('counts', {});
    if (counts.projectorLag === 0 && counts.pending === 0) return counts;
    await pause(100);
  }
}

async function measure(service: EmailServiceChild, traffic: Traffic): Promise<Map<Kind, KindCost>> {
  const costs = new Map<Kind, KindCost>();
  for (const [kind] of MIX) {
    const before = await quiet(service);
    const from = traffic.samples.length;
    for (let i = 0; i < PER_KIND; i += 1) await traffic.one(kind);
    const after = await quiet(service);
    const samples = traffic.samples.slice(from).filter((s) => s.kind === kind);
    const n = Math.max(1, samples.length);
    costs.set(kind, {
      cpuMs: round((after.cpuMs - before.cpuMs) / n, 2),
      statements: round((after.statements - before.statements) / n, 2),
      p50: round(
        percentile(
          samples.map((s) => s.ms).sort((a, b) => a - b),
          50,
        ),
        1,
      ),
      texts: Object.entries(after.statementTimes)
        .map(([text, [count, ms]]): [string, number, number] => {
          const [count0, ms0] = before.statementTimes[text] ?? [0, 0];
          return [text, round((count - count0) / n, 2), round((ms - ms0) / n, 2)];
        })
        .filter(([, perRequest]) => perRequest > 0)
        .sort((a, b) => b[2] - a[2])
        .slice(0, 10),
    });
  }
  return costs;
}

async function grow(service: EmailServiceChild, traffic: Traffic): Promise<void> {
  const started = Date.now();
  let lastLog = started;
  const worker = async (): Promise<void> => {
    while (traffic.created.length < CASES) {
      await traffic.one(pickKind());
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        const counts = await service.request<'counts', EmailCounts>('counts', {});
        log(
          `   growing: ${traffic.created.length} cases, ${traffic.comments.length} comments, ${traffic.samples.length} requests in ${round((Date.now() - started) / 60_000, 1)} min, RSS ${counts.rssMiB} MiB, heap ${counts.heapUsedMiB} MiB`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function table(early: Map<Kind, KindCost>, late: Map<Kind, KindCost>): void {
  const pad = (v: unknown, w: number) => String(v).padStart(w);
  log(
    `\n${'kind'.padEnd(14)}${pad('CPU ms early', 13)}${pad('late', 8)}${pad('×', 7)}${pad('stmts early', 13)}${pad('late', 8)}${pad('p50 early', 11)}${pad('late', 8)}`,
  );
  for (const [kind, e] of early) {
    const l = late.get(kind)!;
    log(
      `${kind.padEnd(14)}${pad(e.cpuMs, 13)}${pad(l.cpuMs, 8)}${pad(e.cpuMs > 0 ? round(l.cpuMs / e.cpuMs, 2) : '-', 7)}${pad(e.statements, 13)}${pad(l.statements, 8)}${pad(e.p50, 11)}${pad(l.p50, 8)}`,
    );
  }
  if (!flags.statements) return;
  for (const [label, costs] of [
    ['early', early],
    ['late', late],
  ] as const) {
    log(`\n-- statements per request (count, ms), ${label}`);
    for (const [kind, cost] of costs) {
      log(`   ${kind}`);
      for (const [text, n, ms] of cost.texts) log(`     ${pad(n, 6)} ${pad(ms, 8)} ms  ${text}`);
    }
  }
}

async function main(): Promise<void> {
  log(`soak growth: each kind ×${PER_KIND} early, then the soak's mix until ${CASES} cases, then again`);
  const service = await EmailServiceChild.start();
  try {
    const setup = await service.request<'soakSetup', SoakSetup>('soakSetup', { accounts: 3, users: 10 });
    await service.request('startMailer', { untilIdle: true, windowSeconds: 0 });
    const traffic = new Traffic(service.url, setup);
    await traffic.seed();
    const early = await measure(service, traffic);
    await grow(service, traffic);
    const late = await measure(service, traffic);
    const counts = await quiet(service);
    log(
      `\n${traffic.created.length} cases, ${traffic.comments.length} comments, ${traffic.samples.length} requests; RSS ${counts.rssMiB} MiB, heap ${counts.heapUsedMiB} MiB`,
    );
    table(early, late);
    const errors = traffic.samples.filter((s) => s.status >= 500 || s.status === 0).length;
    if (errors > 0) log(`\n${errors} requests answered 5xx or failed`);
  } finally {
    await service.request('stop', {}).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
