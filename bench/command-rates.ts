// BENCH_ONLY=commands: the commandRatio alone, measured BENCH_REPEAT times (default 3) on one
// service, each time create-case commands through HTTP and then raw appends with the same
// concurrency, so the spread of the ratio on a loaded machine shows. BENCH_CPU_PROFILE_DIR=<dir>
// writes a CPU profile of the service during each command load (`commands-<store>-<n>.cpuprofile`).
import type { AppendLatencies } from './bench-messages';
import type { BenchScale } from './bench-scale';
import { load, type LoadResult } from './http-load';
import type { ServiceChild } from './service-child';
import type { StatementCounts } from './statement-counter';
import { seedPortalFixture } from './portal-fixture';
import { median } from './percentile';
import { statementTextLines } from './statement-text-lines';

export interface CommandRun {
  commandRatio: number;
  commandsPerSecond: number;
  rawAppendsPerSecond: number;
  createCaseStatements: number;
  /** Statements outside any request (the projector folding the cases) per create-case. */
  backgroundStatements: number;
  /** CPU time of the service process (user + system) per create-case and per raw append, in µs. */
  cpuPerCommandUs: number;
  cpuPerRawAppendUs: number;
}

export async function benchCommandsOnly(
  service: ServiceChild,
  scale: BenchScale,
  name: string,
  log: (text: string) => void,
): Promise<Record<string, unknown>> {
  const fixture = await seedPortalFixture(service, scale);
  const create = {
    url: `${service.url}/v1/portals/${fixture.slug}/records/Case`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${fixture.tokens[0]}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Printer out of toner',
      description: 'Since this morning.',
      priority: 'High',
    }),
    connections: scale.connections,
  };
  await load({ ...create, seconds: 1 }); // warm-up: JIT, connections, caches
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const runs: CommandRun[] = [];
  for (let n = 1; n <= repeat; n += 1) {
    await service.request('statements', { reset: true });
    if (profileDir) await service.request('profile', { start: true });
    const cpuAtStart = await service.request<'cpuUsage', number>('cpuUsage', {});
    const commands: LoadResult = await load({ ...create, seconds: scale.loadSeconds });
    const cpuAfterCommands = await service.request<'cpuUsage', number>('cpuUsage', {});
    if (profileDir)
      await service.request('profile', {
        start: false,
        file: `${profileDir}/commands-${name}-${n}.cpuprofile`,
      });
    if (commands.non2xx > 0 || commands.requests === 0)
      throw new Error(`create case: ${commands.non2xx} non-2xx of ${commands.requests}`);
    const counts = await service.request<'statements', StatementCounts>('statements', { reset: true });
    const cpuBeforeRaw = await service.request<'cpuUsage', number>('cpuUsage', {});
    const raw = await service.request<'rawAppends', AppendLatencies>('rawAppends', {
      writers: scale.connections,
      seconds: scale.loadSeconds,
    });
    const cpuAfterRaw = await service.request<'cpuUsage', number>('cpuUsage', {});
    const run: CommandRun = {
      commandRatio: Number((commands.requestsPerSecond / raw.perSecond).toPrecision(3)),
      commandsPerSecond: commands.requestsPerSecond,
      rawAppendsPerSecond: raw.perSecond,
      createCaseStatements: counts.createCase?.perRequest ?? 0,
      backgroundStatements: Number(((counts.background?.statements ?? 0) / commands.requests).toFixed(2)),
      cpuPerCommandUs: Math.round((cpuAfterCommands - cpuAtStart) / commands.requests),
      cpuPerRawAppendUs: Math.round((cpuAfterRaw - cpuBeforeRaw) / raw.events),
    };
    log(
      `  [${name}] run ${n}: commands ${run.commandsPerSecond}/s, raw appends ${run.rawAppendsPerSecond}/s, ratio ${run.commandRatio}, ${run.createCaseStatements} statements per create-case (+ ${run.backgroundStatements} in the background), service CPU ${run.cpuPerCommandUs} µs per command vs ${run.cpuPerRawAppendUs} µs per raw append`,
    );
    statementTextLines(counts, 'createCase', counts.createCase?.requests ?? 1).forEach(log);
    statementTextLines(counts, 'background', commands.requests, 'background ').forEach(log);
    runs.push(run);
  }
  const ratios = runs.map((r) => r.commandRatio).sort((a, b) => a - b);
  return {
    commandRatio: ratios[Math.floor(ratios.length / 2)],
    commandRatioSpread: `${ratios[0]}–${ratios[ratios.length - 1]}`,
    cpuPerCommandUs: median(runs.map((r) => r.cpuPerCommandUs)),
    cpuPerRawAppendUs: median(runs.map((r) => r.cpuPerRawAppendUs)),
    raw: { runs },
  };
}
