import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per service (not prom-client's global one, so several services in one
 * process, as in tests, never share or clash), with Node's process metrics. Every role of the
 * process registers on it: in one-process mode the API's /metrics shows them all.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * A gauge family's collect() runs once per scrape and in parallel with the others: several gauges
 * fed by one sample (one store round trip) share its promise while it is in flight.
 */
export function sharedSample<T>(take: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= take().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
