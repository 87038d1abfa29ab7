// The node flags the one-process embedded service starts with (package.json's `start`, the
// Dockerfile), so that the bench measures the process as it runs.

/**
 * V8's platform worker threads as `npm start` sets them (`--v8-pool-size=1`; node's default is 4).
 * Each worker that compiles (PGlite's WebAssembly, optimised JavaScript) or helps the collector
 * keeps its own malloc arena, which does not give its freed memory back: 60–90 MiB with 4 workers.
 * BENCH_V8_POOL_SIZE measures another count (4 for node's default).
 */
export function embeddedNodeFlags(): string[] {
  return [`--v8-pool-size=${process.env.BENCH_V8_POOL_SIZE ?? '1'}`];
}
