// BENCH_ONLY=privacy with BENCH_REPEAT=n: the privacy figures measured n times on one service (the
// rebuild, four full rebuilds of the log, in the first run only), each ratio the median of the
// runs: one run's appendRatio moves by more than the 10% issue 20 asks about when the machine is
// shared, so a figure worth comparing needs several runs (old and new alternated).
import type { PrivacyRates } from './bench-messages';

const RATIOS = [
  'appendRatio',
  'readRatio',
  'cpuAppendRatio',
  'cpuReadRatio',
  'coldReadRatio',
  'cpuColdReadRatio',
] as const;

/** The median, the two middle values' mean for an even count (percentile.ts's median takes the upper). */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  return Number(value.toPrecision(3));
}

/** BENCH_REPEAT for the privacy-only mode (default 1: a full bench measures once). */
export function privacyRepeats(): number {
  const repeat = Number(process.env.BENCH_REPEAT ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('BENCH_REPEAT must be a whole number ≥ 1');
  return repeat;
}

/** The summary's ratios: each the median over the runs, and the number of runs. */
export function medianPrivacyRatios(runs: readonly PrivacyRates[]): Record<string, number> {
  const ratios: Record<string, number> = {};
  for (const ratio of RATIOS) ratios[ratio] = middle(runs.map((run) => run[ratio]));
  const rebuild = runs.find((run) => run.rebuild)?.rebuild;
  return {
    ...ratios,
    ...(rebuild && { rebuildRatio: rebuild.rebuildRatio, cpuRebuildRatio: rebuild.cpuRebuildRatio }),
    runs: runs.length,
  };
}
