import type { ValueCount } from './read-store.port';

/**
 * Counts of equal values merged, as every adapter answers countBy: a missing path and a JSON null
 * both count as null, and a store may hand back equal JSON values from distinct groups (SQL NULL
 * and the JSON null).
 */
export function mergeValueCounts(counts: readonly ValueCount[]): ValueCount[] {
  const merged = new Map<string, ValueCount>();
  for (const { value, count } of counts) {
    const key = JSON.stringify(value ?? null);
    const entry = merged.get(key);
    if (entry) entry.count += count;
    else merged.set(key, { value: value ?? null, count });
  }
  return [...merged.values()];
}
