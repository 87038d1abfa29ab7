// Where a process's memory goes while something runs: the highest rss, V8 heap (used and
// reserved), external and arrayBuffers (Buffers, the WASM heap counts in neither) seen, sampled
// every 20 ms, and PGlite's WebAssembly heap when the caller can see it. In MiB.

export type MemoryPeaks = Record<
  'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'arrayBuffers' | 'pgliteHeap',
  number
>;

const mib = (n: number): number => Math.round(n / 2 ** 20);

function memoryNow(pgliteHeapBytes: () => number | undefined): MemoryPeaks {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    pgliteHeap: pgliteHeapBytes() ?? 0,
  };
}

function inMiB(bytes: MemoryPeaks): MemoryPeaks {
  return Object.fromEntries(Object.entries(bytes).map(([key, n]) => [key, mib(n)])) as MemoryPeaks;
}

/** Starts sampling; the returned function stops and answers the peaks, and the figures at the start. */
export function samplePeaks(
  pgliteHeapBytes: () => number | undefined = () => undefined,
): () => MemoryPeaks & { atStart: MemoryPeaks } {
  const atStart = memoryNow(pgliteHeapBytes);
  const peaks: MemoryPeaks = { ...atStart };
  const sample = (): void => {
    const now = memoryNow(pgliteHeapBytes);
    for (const key of Object.keys(peaks) as (keyof MemoryPeaks)[])
      peaks[key] = Math.max(peaks[key], now[key]);
  };
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    return { ...inMiB(peaks), atStart: inMiB(atStart) };
  };
}

/** PGlite's WebAssembly heap (grows, never shrinks); the Emscripten module is not in its typed API. */
export function pgliteHeapOf(client: unknown): () => number | undefined {
  const db = (client as { db?: { mod?: { HEAPU8: Uint8Array } } }).db;
  return () => db?.mod?.HEAPU8.byteLength;
}
