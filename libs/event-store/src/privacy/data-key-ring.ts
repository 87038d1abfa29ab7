import type { DataKeyOwner, DataKeyStore } from './data-key-store.port';
import { newDataKey, unwrapDataKey, wrapDataKey } from './field-cipher';

export interface DataKeyRingOptions {
  /**
   * How long an unwrapped key (or the fact that an owner is erased) is trusted without asking the
   * store again. Erasing through this ring evicts at once; other processes see it when their
   * subscription passes the erasure event (evict) or after this long at worst. Default 30 s.
   */
  ttlMs?: number;
  /** Most keys kept; the oldest go first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  /** null: erased. */
  key: Buffer | null;
  at: number;
}

/**
 * Unwrapped data keys for the event store's append and read paths, cached so that appending and
 * reading cost no key-store round trip once an owner's key is known.
 */
export class DataKeyRing {
  private readonly cache = new Map<DataKeyOwner, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly store: DataKeyStore,
    private readonly masterKey: Buffer,
    options: DataKeyRingOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The owner's key for writing, created on first use; null once the owner is erased. */
  async keyForWriting(owner: DataKeyOwner): Promise<Buffer | null> {
    const cached = this.fresh(owner);
    if (cached) return cached.key;
    const known = (await this.store.get([owner])).get(owner);
    if (known !== undefined) return this.remember(owner, known);
    const candidate = newDataKey();
    const stored = await this.store.putIfAbsent(owner, wrapDataKey(this.masterKey, owner, candidate));
    return this.remember(owner, stored);
  }

  /** Keys for reading: null for an erased owner and for one that never had a key (nothing to read). */
  async keysForReading(owners: Iterable<DataKeyOwner>): Promise<Map<DataKeyOwner, Buffer | null>> {
    const found = new Map<DataKeyOwner, Buffer | null>();
    const missing: DataKeyOwner[] = [];
    for (const owner of owners) {
      const cached = this.fresh(owner);
      if (cached) found.set(owner, cached.key);
      else missing.push(owner);
    }
    if (missing.length > 0) {
      const stored = await this.store.get(missing);
      for (const owner of missing) {
        const wrapped = stored.get(owner);
        // Never keyed: nothing was encrypted for it, so not cached (a writer may key it any moment).
        found.set(owner, wrapped === undefined ? null : this.remember(owner, wrapped));
      }
    }
    return found;
  }

  /** Erases the owners' keys in the store and forgets them here. */
  async erase(owners: readonly DataKeyOwner[]): Promise<DataKeyOwner[]> {
    const erased = await this.store.erase(owners);
    this.evict(owners);
    return erased;
  }

  /** Retention: deletes the dated sub-keys of days before `before` in the store, and forgets them here. */
  async eraseDatedSubKeys(kind: string, before: string): Promise<DataKeyOwner[]> {
    const erased = await this.store.eraseDatedSubKeys(kind, before);
    this.evict(erased);
    return erased;
  }

  /** Forgets cached keys (another process erased them), with their sub-keys (`<owner>/…`). */
  evict(owners: Iterable<DataKeyOwner>): void {
    const prefixes: string[] = [];
    for (const owner of owners) {
      this.cache.delete(owner);
      prefixes.push(`${owner}/`);
    }
    if (prefixes.length === 0) return;
    for (const cached of this.cache.keys()) {
      if (prefixes.some((prefix) => cached.startsWith(prefix))) this.cache.delete(cached);
    }
  }

  private fresh(owner: DataKeyOwner): Entry | undefined {
    const entry = this.cache.get(owner);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.cache.delete(owner);
      return undefined;
    }
    return entry;
  }

  private remember(owner: DataKeyOwner, wrapped: string | null): Buffer | null {
    const key = wrapped === null ? null : unwrapDataKey(this.masterKey, owner, wrapped);
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(owner, { key, at: this.now() });
    return key;
  }
}
