import type { DataKeyOwner } from './data-key-store.port';

interface Entry {
  owner: DataKeyOwner;
  values: readonly string[];
  chars: number;
}

/**
 * Personal values already opened from sealed lists (v2), by the sealed text, so that reading the
 * same events again (a stream loaded for every command, a page read twice) costs a map lookup
 * instead of a decipher. It is personal data in memory, so it is bounded (entries and characters,
 * the longest kept go first: a hit moves nothing, so it costs one map lookup) and owned by the DataKeyRing, which drops it with the keys: on every
 * erasure it learns of (the whole cache) and for every owner it evicts. A hit is only used while
 * the batch holds the owner's key (an erased owner reads "[erased]" without looking here).
 */
export class OpenedValuesCache {
  /** In the order they were opened: the first ones go first. */
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The values sealed as `sealed` for `owner` (another owner's entry is a miss: it would not open). */
  get(owner: DataKeyOwner, sealed: string): readonly string[] | undefined {
    const entry = this.entries.get(sealed);
    return entry?.owner === owner ? entry.values : undefined;
  }

  set(owner: DataKeyOwner, sealed: string, values: readonly string[]): void {
    const chars = values.reduce((n, v) => n + v.length, sealed.length);
    if (chars > this.maxChars || this.maxEntries === 0) return;
    this.delete(sealed);
    while (this.entries.size >= this.maxEntries || this.chars + chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.entries.set(sealed, { owner, values, chars });
    this.chars += chars;
  }

  /** Drops the values of these owners and of their sub-keys (`<owner>/…`). */
  forget(owners: readonly DataKeyOwner[]): void {
    if (owners.length === 0 || this.entries.size === 0) return;
    const prefixes = owners.map((owner) => `${owner}/`);
    for (const [sealed, entry] of this.entries) {
      if (owners.includes(entry.owner) || prefixes.some((p) => entry.owner.startsWith(p)))
        this.delete(sealed);
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(sealed: string): void {
    const entry = this.entries.get(sealed);
    if (!entry) return;
    this.entries.delete(sealed);
    this.chars -= entry.chars;
  }
}
