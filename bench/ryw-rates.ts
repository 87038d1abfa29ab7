// BENCH_ONLY=ryw: the rywWaitRatio alone, measured BENCH_REPEAT times (default 3) on one service:
// each time raw single appends (one writer), then create-a-case-and-read-it-back samples, then the
// same reads again without the consistency token (what the read costs with nothing to wait for),
// with the store statements and the service's CPU time per read-back. The difference of the two
// read p50s is the wait itself; on a loaded machine the statements and CPU move far less than it.
// BENCH_CPU_PROFILE_DIR=<dir> writes a CPU profile of the service over each run's create-and-read-back
// samples (`ryw-<store>-<n>.cpuprofile`).
import type { AppendLatencies } from './bench-messages';
import type { BenchScale } from './bench-scale';
import { sequentialLatencies, timedGet } from './http-load';
import type { ServiceChild } from './service-child';
import type { StatementCounts } from './statement-counter';
import { seedPortalFixture } from './portal-fixture';
import { median } from './percentile';
import { statementTextLines } from './statement-text-lines';

export interface RywRun {
  rywWaitRatio: number;
  readYourWritesP50Ms: number;
  readYourWritesP99Ms: number;
  /** The same reads with no token: the read alone. */
  plainReadP50Ms: number;
  rawAppendP50Ms: number;
  /** Store statements per read-back (the request's own, the wait's checkpoint reads included). */
  readStatements: number;
  /** Service CPU (user + system) per create-and-read-back, the projector's share included, in µs. */
  cpuPerRoundUs: number;
}

/**
 * One read-your-writes sample: a case created through `casesUrl`, then read back with the consistency
 * token of the create's answer; the read alone is timed.
 */
export async function createAndReadBack(
  casesUrl: string,
  auth: Record<string, string>,
): Promise<{ id: string; readMs: number }> {
  const created = await fetch(casesUrl, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Read your writes' }),
  });
  const { id } = (await created.json()) as { id: string };
  const token = created.headers.get('x-consistency-token');
  if (created.status !== 201 || !token) throw new Error(`create for RYW: ${created.status}`);
  const started = performance.now();
  const read = await fetch(`${casesUrl}/${id}`, { headers: { ...auth, 'x-consistency-token': token } });
  await read.arrayBuffer();
  if (read.status !== 200) throw new Error(`RYW read: ${read.status}`);
  return { id, readMs: performance.now() - started };
}

export async function benchRywOnly(
  service: ServiceChild,
  scale: BenchScale,
  name: string,
  log: (text: string) => void,
): Promise<Record<string, unknown>> {
  const fixture = await seedPortalFixture(service, scale);
  const auth = { authorization: `Bearer ${fixture.tokens[0]}` };
  const casesUrl = `${service.url}/v1/portals/${fixture.slug}/records/Case`;
  const ids: string[] = [];
  const readBack = async (): Promise<number> => {
    const { id, readMs } = await createAndReadBack(casesUrl, auth);
    ids.push(id);
    return readMs;
  };
  const plainRead = (): Promise<number> =>
    timedGet('plain read', `${casesUrl}/${ids[Math.floor(Math.random() * ids.length)]}`, auth);
  await sequentialLatencies(10, readBack); // warm-up: JIT, connections, caches
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  const runs: RywRun[] = [];
  const cpu = (): Promise<number> => service.request<'cpuUsage', number>('cpuUsage', {});
  for (let n = 1; n <= repeat; n += 1) {
    const raw = await service.request<'rawAppends', AppendLatencies>('rawAppends', {
      writers: 1,
      seconds: 2,
    });
    await service.request('statements', { reset: true });
    const cpuAtStart = await cpu();
    const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
    if (profileDir) await service.request('profile', { start: true });
    const ryw = await sequentialLatencies(scale.rywSamples, readBack);
    if (profileDir)
      await service.request('profile', { start: false, file: `${profileDir}/ryw-${name}-${n}.cpuprofile` });
    const cpuAfter = await cpu();
    const counts = await service.request<'statements', StatementCounts>('statements', { reset: true });
    const plain = await sequentialLatencies(scale.rywSamples, plainRead);
    const run: RywRun = {
      rywWaitRatio: Number((ryw.p50Ms / raw.p50Ms).toPrecision(3)),
      readYourWritesP50Ms: ryw.p50Ms,
      readYourWritesP99Ms: ryw.p99Ms,
      plainReadP50Ms: plain.p50Ms,
      rawAppendP50Ms: raw.p50Ms,
      readStatements: counts.record?.perRequest ?? 0,
      cpuPerRoundUs: Math.round((cpuAfter - cpuAtStart) / scale.rywSamples),
    };
    log(
      `  [${name}] run ${n}: read-your-writes p50 ${run.readYourWritesP50Ms} ms (p99 ${run.readYourWritesP99Ms}), the same read without a token ${run.plainReadP50Ms} ms, raw append p50 ${run.rawAppendP50Ms} ms, ratio ${run.rywWaitRatio}; ${run.readStatements} statements per read-back, service CPU ${run.cpuPerRoundUs} µs per create and read-back`,
    );
    statementTextLines(counts, 'record', counts.record?.requests ?? 1).forEach(log);
    statementTextLines(counts, 'background', scale.rywSamples, 'background ').forEach(log);
    runs.push(run);
  }
  const ratios = runs.map((r) => r.rywWaitRatio).sort((a, b) => a - b);
  return {
    rywWaitRatio: median(ratios),
    rywWaitRatioSpread: `${ratios[0]}–${ratios[ratios.length - 1]}`,
    readYourWritesP50Ms: median(runs.map((r) => r.readYourWritesP50Ms)),
    plainReadP50Ms: median(runs.map((r) => r.plainReadP50Ms)),
    rawAppendP50Ms: median(runs.map((r) => r.rawAppendP50Ms)),
    raw: { runs },
  };
}
