// BENCH_ONLY=lists: the scopedListRatio alone, measured BENCH_REPEAT times (default 3) on one
// service, each time the scoped list and then the bare route with the same concurrency, with the
// store statements and the service's CPU time (user + system) per scoped list: on a loaded machine
// those move far less than the rates. BENCH_CPU_PROFILE_DIR=<dir> writes a CPU profile of the
// service during each list load (`lists-<store>-<n>.cpuprofile`); BENCH_STATEMENT_TEXTS=true lists
// the statements one scoped list made, and those made outside requests meanwhile. One more
// measurement with the scoped page cache off gives scopedListRatioUncached (and its statements and
// CPU) beside the cached figures.
import { BARE_ROUTE } from './bench-messages';
import type { BenchScale } from './bench-scale';
import { load, type LoadResult } from './http-load';
import type { ServiceChild } from './service-child';
import type { StatementCounts } from './statement-counter';
import { seedPortalFixture } from './portal-fixture';
import { median } from './percentile';
import { statementTextLines } from './statement-text-lines';

export interface ListRun {
  scopedListRatio: number;
  scopedListPerSecond: number;
  barePerSecond: number;
  scopedListStatements: number;
  /** CPU time of the service process (user + system) per scoped list and per bare request, in µs. */
  cpuPerListUs: number;
  cpuPerBareUs: number;
}

export async function benchListsOnly(
  service: ServiceChild,
  scale: BenchScale,
  name: string,
  log: (text: string) => void,
): Promise<Record<string, unknown>> {
  const fixture = await seedPortalFixture(service, scale);
  await service.request('seedCases', { upTo: scale.listAt });
  await service.request('catchUp', {});
  const list = {
    url: `${service.url}/v1/portals/${fixture.slug}/records/Case?perPage=20`,
    headers: { authorization: `Bearer ${fixture.tokens[0]}` },
    connections: scale.connections,
  };
  const bareRoute = { url: `${service.url}${BARE_ROUTE}`, connections: scale.connections };
  await load({ ...list, seconds: 1 }); // warm-up: JIT, connections, caches
  await load({ ...bareRoute, seconds: 1 });
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const runs: ListRun[] = [];
  const cpu = (): Promise<number> => service.request<'cpuUsage', number>('cpuUsage', {});
  const measure = async (label: string, profileName: string): Promise<ListRun> => {
    await service.request('statements', { reset: true });
    if (profileDir) await service.request('profile', { start: true });
    const cpuAtStart = await cpu();
    const lists: LoadResult = await load({ ...list, seconds: scale.loadSeconds });
    const cpuAfterLists = await cpu();
    if (profileDir)
      await service.request('profile', {
        start: false,
        file: `${profileDir}/lists-${name}-${profileName}.cpuprofile`,
      });
    if (lists.non2xx > 0 || lists.requests === 0)
      throw new Error(`scoped list: ${lists.non2xx} non-2xx of ${lists.requests}`);
    const counts = await service.request<'statements', StatementCounts>('statements', { reset: true });
    const cpuBeforeBare = await cpu();
    const bare: LoadResult = await load({ ...bareRoute, seconds: scale.loadSeconds });
    const cpuAfterBare = await cpu();
    const run: ListRun = {
      scopedListRatio: Number((lists.requestsPerSecond / bare.requestsPerSecond).toPrecision(3)),
      scopedListPerSecond: lists.requestsPerSecond,
      barePerSecond: bare.requestsPerSecond,
      scopedListStatements: counts.scopedList?.perRequest ?? 0,
      cpuPerListUs: Math.round((cpuAfterLists - cpuAtStart) / lists.requests),
      cpuPerBareUs: Math.round((cpuAfterBare - cpuBeforeBare) / bare.requests),
    };
    log(
      `  [${name}] ${label}: scoped list ${run.scopedListPerSecond}/s, bare ${run.barePerSecond}/s, ratio ${run.scopedListRatio}, ${run.scopedListStatements} statements per scoped list, service CPU ${run.cpuPerListUs} µs per list vs ${run.cpuPerBareUs} µs per bare request`,
    );
    statementTextLines(counts, 'scopedList', counts.scopedList?.requests ?? 1).forEach(log);
    // What ran outside requests meanwhile (the projector's polls): each ends PGlite's kept reads.
    statementTextLines(counts, 'background', scale.loadSeconds, 'background, per second: ').forEach(log);
    return run;
  };
  for (let n = 1; n <= repeat; n += 1) runs.push(await measure(`run ${n}`, String(n)));
  // Once more with the read caches off (the scoped page cache, PortalRecordReads, and PGlite's kept
  // reads): every list reads its session and page from the store, as before the caches; the
  // figure beside the cached one.
  await service.request('readCaches', { on: false });
  const uncached = await measure('uncached', 'uncached').finally(() =>
    service.request('readCaches', { on: true }),
  );
  const ratios = runs.map((r) => r.scopedListRatio).sort((a, b) => a - b);
  return {
    scopedListRatio: median(ratios),
    scopedListRatioSpread: `${ratios[0]}–${ratios[ratios.length - 1]}`,
    scopedListStatements: median(runs.map((r) => r.scopedListStatements)),
    cpuPerListUs: median(runs.map((r) => r.cpuPerListUs)),
    cpuPerBareUs: median(runs.map((r) => r.cpuPerBareUs)),
    scopedListRatioUncached: uncached.scopedListRatio,
    scopedListStatementsUncached: uncached.scopedListStatements,
    cpuPerListUsUncached: uncached.cpuPerListUs,
    raw: { runs, uncached },
  };
}
