// BENCH_ONLY=rebuild: the rebuildRatio and the service's memory during the rebuild alone, on the
// scale's listAt cases (seeded as the full bench seeds them), BENCH_REPEAT times (default 3) on one
// service. Per run: events/s against a raw readAll of the same log, the service's CPU seconds (less
// moved by machine load than the rate), its peak RSS (VmHWM) and the peaks of its V8 heap, external
// memory, arrayBuffers and PGlite's WASM heap.
import type { BenchScale } from './bench-scale';
import type { RateResult } from './bench-messages';
import type { MemoryPeaks } from './memory-peaks';
import { seedPortalFixture } from './portal-fixture';
import type { ServiceChild } from './service-child';
import { median } from './percentile';

interface RebuildAnswer {
  events: number;
  seconds: number;
}

export async function benchRebuildOnly(
  service: ServiceChild,
  scale: BenchScale,
  name: string,
  log: (text: string) => void,
): Promise<Record<string, unknown>> {
  service.resetPeakRss();
  await seedPortalFixture(service, scale);
  await service.request('seedCases', { upTo: scale.listAt });
  await service.request('catchUp', {});
  const seedPeakRssMiB = service.peakRssMiB();
  log(`  [${name}] ${scale.listAt} cases seeded, peak RSS ${seedPeakRssMiB} MiB`);
  const cpu = (): Promise<number> => service.request<'cpuUsage', number>('cpuUsage', {});
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  const runs: Record<string, unknown>[] = [];
  for (let n = 1; n <= repeat; n += 1) {
    service.resetPeakRss();
    await service.request('memoryPeaks', { start: true });
    const cpuAtStart = await cpu();
    const rebuild = await service.request<'rebuild', RebuildAnswer>('rebuild', {});
    const cpuSeconds = Math.round((await cpu()) - cpuAtStart) / 1e6;
    const peaks = await service.request<'memoryPeaks', MemoryPeaks>('memoryPeaks', { start: false });
    const peakRssMiB = service.peakRssMiB();
    const readAll = await service.request<'readAll', RateResult>('readAll', {});
    const perSecond = Math.round(rebuild.events / rebuild.seconds);
    const run = {
      rebuildRatio: Number((perSecond / readAll.perSecond).toPrecision(3)),
      rebuildPerSecond: perSecond,
      readAllPerSecond: readAll.perSecond,
      events: rebuild.events,
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      peakRssMiB,
      peaks,
    };
    log(
      `  [${name}] run ${n}: rebuild ${perSecond} events/s of ${rebuild.events}, readAll ${readAll.perSecond}/s, ratio ${run.rebuildRatio}, service CPU ${run.cpuSeconds}s, peak RSS ${peakRssMiB} MiB (peaks ${JSON.stringify(peaks)})`,
    );
    runs.push(run);
  }
  return {
    rebuildRatio: median(runs.map((r) => r.rebuildRatio as number)),
    rebuildCpuSeconds: median(runs.map((r) => r.cpuSeconds as number)),
    peakRssMiB: Math.max(seedPeakRssMiB, ...runs.map((r) => r.peakRssMiB as number)),
    raw: { seedPeakRssMiB, runs },
  };
}
