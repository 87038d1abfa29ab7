// How much each BENCH_SCALE seeds and how long each load runs.
export interface BenchScale {
  name: string;
  accounts: number;
  /** Case counts the scoped list's p50 is measured at (#5), in increasing order. */
  scalePoints: number[];
  /** The case count the scoped-list throughput (#1) is measured at. */
  listAt: number;
  portalUsers: number;
  loadSeconds: number;
  connections: number;
  rywSamples: number;
  /**
   * Whether the privacy figures include a rebuild through the layer and beside it: four full
   * rebuilds of the whole log, about 25 minutes of the embedded 1M run, for a ratio the full scale
   * measures already.
   */
  privacyRebuild: boolean;
}

const SCALES: Record<string, BenchScale> = {
  small: {
    name: 'small',
    accounts: 50,
    scalePoints: [1_000, 5_000],
    listAt: 5_000,
    portalUsers: 2,
    loadSeconds: 3,
    connections: 8,
    rywSamples: 40,
    privacyRebuild: true,
  },
  full: {
    name: 'full',
    accounts: 1_000,
    scalePoints: [10_000, 100_000],
    listAt: 100_000,
    portalUsers: 4,
    loadSeconds: 10,
    connections: 10,
    rywSamples: 200,
    privacyRebuild: true,
  },
  large: {
    name: 'large',
    accounts: 1_000,
    scalePoints: [10_000, 100_000, 1_000_000],
    listAt: 100_000,
    portalUsers: 4,
    loadSeconds: 10,
    connections: 10,
    rywSamples: 200,
    privacyRebuild: false,
  },
};

export function benchScale(name: string | undefined): BenchScale {
  const scale = SCALES[name ?? 'full'];
  if (!scale) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
  return scale;
}
