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
  },
};

export function benchScale(name: string | undefined): BenchScale {
  const scale = SCALES[name ?? 'full'];
  if (!scale) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
  return scale;
}
