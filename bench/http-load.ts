// Load through HTTP with autocannon, and sequential request latencies with fetch.
import autocannon from 'autocannon';
import { percentile } from './percentile';
import { round } from './raw-store-rates';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    // A slow scoped list at 1M cases must show up as latency, not as autocannon's 10 s timeouts.
    timeout: 60,
  });
  return {
    requestsPerSecond: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** p50/p99 of `samples` calls of `call` one after the other, each timed by `call` itself. */
export async function sequentialLatencies(
  samples: number,
  call: () => Promise<number>,
): Promise<{ p50Ms: number; p99Ms: number; samples: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) times.push(await call());
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), samples };
}

/** Milliseconds one GET takes to its last byte; anything but 200 throws (`what` names it). */
export async function timedGet(what: string, url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${what}: ${response.status}`);
  return performance.now() - started;
}
