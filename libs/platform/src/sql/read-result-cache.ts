/** How much ReadResultCache keeps at most. */
export interface ReadResultCacheLimits {
  entries: number;
  /** Of the kept results and their keys, as sizeOf counts them (about their characters of JSON). */
  size: number;
}

/**
 * A few thousand results (a session read and a page or two per active user) of 8 M (sizeOf's
 * units, keys included: parsed rows hold about 1.3 bytes of heap per unit), some 11 MiB at most:
 * the embedded service stays inside its memory bound. Every write empties it, so it holds what was
 * read since the last one: a few entries under load.
 */
export const DEFAULT_READ_RESULT_CACHE_LIMITS: ReadResultCacheLimits = { entries: 2_000, size: 8_000_000 };

/** A result larger than this share of the size limit is not kept (a long page would push out many). */
const LARGEST_SHARE = 8;

interface Kept<R> {
  result: R;
  size: number;
}

/**
 * Results of reads marked cachedRead(), valid while no other statement has run since they were
 * read: PgliteSqlClient calls `invalidate` when any other statement or transaction starts and
 * again when it ends, so a result read while one ran (its generation moved) is never kept, and
 * every kept result is what the database would answer now. Kept results are frozen, deeply: a
 * caller changing one would change it for the next.
 */
export class ReadResultCache<R extends object> {
  private kept = new Map<string, Kept<R>>();
  private size = 0;
  private generation = 0;

  constructor(private readonly limits: ReadResultCacheLimits = DEFAULT_READ_RESULT_CACHE_LIMITS) {}

  /** What a read starting now passes to `keep` once it has its result. */
  get current(): number {
    return this.generation;
  }

  /** A statement that may change the database starts or ends: nothing kept is known to hold. */
  invalidate(): void {
    this.generation += 1;
    if (this.kept.size === 0) return;
    this.kept = new Map();
    this.size = 0;
  }

  /**
   * The key of a statement: its text and parameters. Undefined (not kept) for a parameter other
   * than a string, a finite number, a boolean, null, or an array of those: their text on the wire
   * is then exactly what their JSON tells apart.
   */
  keyOf(text: string, params: readonly unknown[]): string | undefined {
    for (const param of params) {
      if (Array.isArray(param) ? !param.every(isPlain) : !isPlain(param)) return undefined;
    }
    return `${text}\u0000${JSON.stringify(params)}`;
  }

  get(key: string): R | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    // Most recently used last: the first entries are the ones to let go.
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.result;
  }

  /**
   * Keeps `result` (frozen, deeply) if nothing changed the database since the read began (`startedAt`,
   * from `current`), and it is not too large; frees the least recently used beyond the limits.
   * Answers the result, frozen or not.
   */
  keep(key: string, startedAt: number, result: R): R {
    if (startedAt !== this.generation) return result;
    const rows = sizeOf(result);
    const size = rows === undefined ? undefined : rows + key.length;
    if (size === undefined || size * LARGEST_SHARE > this.limits.size) return result;
    deepFreeze(result);
    const previous = this.kept.get(key);
    if (previous) {
      this.kept.delete(key);
      this.size -= previous.size;
    }
    this.kept.set(key, { result, size });
    this.size += size;
    for (const [oldest, entry] of this.kept) {
      if (this.kept.size <= this.limits.entries && this.size <= this.limits.size) break;
      this.kept.delete(oldest);
      this.size -= entry.size;
    }
    return result;
  }

  /** Entries and size kept now. */
  get stats(): { entries: number; size: number } {
    return { entries: this.kept.size, size: this.size };
  }
}

function isPlain(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * A value's size (characters of strings and keys, 8 for anything else), or undefined if it holds
 * an object other than a plain one or an array (a Date or bytes, which freezing does not protect):
 * such a result is not kept.
 */
function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string') return value.length + 8;
  if (typeof value !== 'object' || value === null) return 8;
  let size = 8;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const inner = sizeOf(item);
      if (inner === undefined) return undefined;
      size += inner;
    }
    return size;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  for (const key in value) {
    const inner = sizeOf((value as Record<string, unknown>)[key]);
    if (inner === undefined) return undefined;
    size += key.length + inner;
  }
  return size;
}

/** Freezes a value of plain objects and arrays, and all it holds. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value as unknown[]) deepFreeze(item);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}
