// The CPU of a portal user's request, one service against another, side by side: two bench
// services (this checkout's and PROBE_BASE's, e.g. a worktree of main) run at once on the same
// store kind, each seeded alike, and short loads of the same request go to one and then the other,
// the order swapped every round, so both see the same machine load. Per load: the service's CPU
// (user + system) per request and its rate; at the end the medians and the paired differences.
// On a shared machine the rates swing with the load; the CPU per request, paired by round, far less.
//   PROBE_BASE=/work/wt/base node -r ./test/support/register-ts.cjs bench/request-path-probe.ts
// PROBE_KIND=lists|commands (default lists: the cached scoped list of list-rates.ts; commands: the
// create-case of command-rates.ts), PROBE_STORE=postgres|embedded (default postgres), PROBE_ROUNDS
// (default 6), PROBE_SECONDS per load (default 3), PROBE_CASES for lists (default 1000). Not in CI.
import { join } from 'node:path';
import { benchScale } from './bench-scale';
import { load } from './http-load';
import { median } from './percentile';
import { seedPortalFixture } from './portal-fixture';
import { ServiceChild } from './service-child';

type Side = { name: string; service: ServiceChild; request: Parameters<typeof load>[0] };

const base = process.env.PROBE_BASE;
if (!base) throw new Error('PROBE_BASE must name the checkout to compare with');
const kind = process.env.PROBE_KIND ?? 'lists';
const rounds = Number(process.env.PROBE_ROUNDS ?? 6);
const seconds = Number(process.env.PROBE_SECONDS ?? 3);
const cases = Number(process.env.PROBE_CASES ?? 1000);
const pg = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const store = process.env.PROBE_STORE === 'embedded' ? 'embedded' : pg;
const scale = benchScale('small');
const log = (text: string): void => void process.stderr.write(`${text}\n`);

async function side(name: string, Child: typeof ServiceChild): Promise<Side> {
  const service = await Child.start({ eventStore: store, readStore: store }, (t) => log(`  [${name}] ${t}`));
  const fixture = await seedPortalFixture(service, scale);
  const auth = { authorization: `Bearer ${fixture.tokens[0]}` };
  if (kind === 'lists') {
    await service.request('seedCases', { upTo: cases });
    await service.request('catchUp', {});
  }
  const request =
    kind === 'lists'
      ? { url: `${service.url}/v1/portals/${fixture.slug}/records/Case?perPage=20`, headers: auth }
      : {
          url: `${service.url}/v1/portals/${fixture.slug}/records/Case`,
          method: 'POST' as const,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'Printer out of toner',
            description: 'Since this morning.',
            priority: 'High',
          }),
        };
  const full = { ...request, connections: scale.connections, seconds: 1 };
  await load(full); // warm-up: JIT, connections, caches
  return { name, service, request: full };
}

async function measure(s: Side): Promise<{ cpuUs: number; perSecond: number }> {
  const cpu = (): Promise<number> => s.service.request<'cpuUsage', number>('cpuUsage', {});
  const before = await cpu();
  const result = await load({ ...s.request, seconds });
  const after = await cpu();
  if (result.non2xx > 0 || result.requests === 0) throw new Error(`${s.name}: ${result.non2xx} non-2xx`);
  return { cpuUs: Math.round((after - before) / result.requests), perSecond: result.requestsPerSecond };
}

async function main(): Promise<void> {
  const { ServiceChild: BaseChild } = (await import(join(base!, 'bench/service-child.ts'))) as {
    ServiceChild: typeof ServiceChild;
  };
  const sides = [await side('base', BaseChild), await side('this', ServiceChild)];
  const cpu: Record<string, number[]> = { base: [], this: [] };
  const rates: Record<string, number[]> = { base: [], this: [] };
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const order = round % 2 === 1 ? sides : [...sides].reverse();
      const line: string[] = [];
      for (const s of order) {
        const m = await measure(s);
        cpu[s.name]!.push(m.cpuUs);
        rates[s.name]!.push(m.perSecond);
        line.push(`${s.name} ${m.cpuUs} µs (${m.perSecond}/s)`);
      }
      const load1 = (await import('node:os')).loadavg()[0]!.toFixed(1);
      log(`round ${round} (load ${load1}): ${line.join(', ')}`);
    }
  } finally {
    await Promise.all(sides.map((s) => s.service.stop()));
  }
  const diffs = cpu.this!.map((v, i) => v - cpu.base![i]!);
  log(
    `${kind} on ${store === 'embedded' ? 'embedded' : 'postgres'}: CPU per request median base ${median(cpu.base!)} µs, this ${median(cpu.this!)} µs; ` +
      `paired this - base median ${median(diffs)} µs (lower in ${diffs.filter((d) => d < 0).length} of ${diffs.length}); ` +
      `rate median base ${median(rates.base!)}/s, this ${median(rates.this!)}/s`,
  );
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(String(error));
    process.exit(1);
  },
);
