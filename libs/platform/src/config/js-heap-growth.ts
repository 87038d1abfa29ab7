import { setFlagsFromString } from 'node:v8';

/**
 * How far past its live size V8 lets the JavaScript heap grow before the next full collection, in
 * percent (EMBEDDED_HEAP_GROWTH_PERCENT). V8's own choice is 10–300% by how fast it collects: a
 * replay that allocates quickly then leaves hundreds of MiB of garbage in the heap, and the
 * process's peak RSS keeps it. The embedded mode, which also holds the database in the process,
 * sets it lower: more, smaller collections.
 */
export const DEFAULT_EMBEDDED_HEAP_GROWTH_PERCENT = 50;

/** A whole number of percent V8 takes as a heap growing factor, or 0 for V8's own choice. */
export function isHeapGrowthPercent(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 400;
}

/**
 * Sets the growing factor for this process from now on (0 leaves V8's choice). V8 reads the flag
 * whenever it sizes the heap after a collection, so it takes effect at the next one.
 */
export function limitJsHeapGrowth(percent: number): void {
  if (!isHeapGrowthPercent(percent))
    throw new Error(`heap growth must be a whole number of percent from 0 to 400, got ${percent}`);
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
