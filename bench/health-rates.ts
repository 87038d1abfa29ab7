// BENCH_ONLY=health: GET /health and the bare route alternately, BENCH_REPEAT times (default 3),
// each with the scale's connections, with the service's CPU time (user + system) per request: on a
// loaded machine the CPU per request moves far less than the rates. BENCH_CPU_PROFILE_DIR=<dir>
// writes a CPU profile of the service during each /health load (`health-<store>-<n>.cpuprofile`).
import { BARE_ROUTE } from './bench-messages';
import type { BenchScale } from './bench-scale';
import { load, type LoadResult } from './http-load';
import type { ServiceChild } from './service-child';
import { median } from './percentile';

export interface HealthRun {
  healthPerSecond: number;
  barePerSecond: number;
  /** CPU time of the service process per /health and per bare request, in µs. */
  cpuPerHealthUs: number;
  cpuPerBareUs: number;
}

export async function benchHealthOnly(
  service: ServiceChild,
  scale: BenchScale,
  name: string,
  log: (text: string) => void,
): Promise<Record<string, unknown>> {
  const health = { url: `${service.url}/health`, connections: scale.connections };
  const bareRoute = { url: `${service.url}${BARE_ROUTE}`, connections: scale.connections };
  await load({ ...health, seconds: 1 }); // warm-up: JIT, the first round of checks
  await load({ ...bareRoute, seconds: 1 });
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const cpu = (): Promise<number> => service.request<'cpuUsage', number>('cpuUsage', {});
  const measured = async (target: typeof health): Promise<{ result: LoadResult; cpuUs: number }> => {
    const before = await cpu();
    const result = await load({ ...target, seconds: scale.loadSeconds });
    const cpuUs = Math.round(((await cpu()) - before) / Math.max(1, result.requests));
    if (result.non2xx > 0 || result.requests === 0)
      throw new Error(`${target.url}: ${result.non2xx} non-2xx of ${result.requests}`);
    return { result, cpuUs };
  };
  const runs: HealthRun[] = [];
  for (let n = 1; n <= repeat; n += 1) {
    if (profileDir) await service.request('profile', { start: true });
    const checked = await measured(health);
    if (profileDir)
      await service.request('profile', {
        start: false,
        file: `${profileDir}/health-${name}-${n}.cpuprofile`,
      });
    const bare = await measured(bareRoute);
    const run: HealthRun = {
      healthPerSecond: checked.result.requestsPerSecond,
      barePerSecond: bare.result.requestsPerSecond,
      cpuPerHealthUs: checked.cpuUs,
      cpuPerBareUs: bare.cpuUs,
    };
    log(
      `  [${name}] run ${n}: /health ${run.healthPerSecond}/s, bare ${run.barePerSecond}/s; service CPU ${run.cpuPerHealthUs} µs per /health vs ${run.cpuPerBareUs} µs per bare request`,
    );
    runs.push(run);
  }
  return {
    healthPerSecond: median(runs.map((r) => r.healthPerSecond)),
    cpuPerHealthUs: median(runs.map((r) => r.cpuPerHealthUs)),
    cpuPerBareUs: median(runs.map((r) => r.cpuPerBareUs)),
    raw: { runs },
  };
}
