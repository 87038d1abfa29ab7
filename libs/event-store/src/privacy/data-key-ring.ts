import type { DataKeyOwner, DataKeyStore } from './data-key-store.port';
import { newDataKey, ownerKey, unwrapDataKey, wrapDataKey, type OwnerKey } from './field-cipher';
import { OpenedValuesCache } from './opened-values-cache';

export interface DataKeyRingOptions {
  /** Most keys kept unwrapped; the least recently used go first. Default 10,000. */
  maxEntries?: number;
  /**
   * Most bytes of heap the opened values kept take (OpenedValuesCache, estimated); 0 keeps none.
   * Default 12 MiB: about 30,000 sign-ins (IP and user agent), near twice what a full bench reads.
   */
  maxOpenedBytes?: number;
  /** How often a subscription's reads ask the store whether anything was erased. Default 1 s. */
  subscriptionRecheckMs?: number;
  now?: () => number;
}

/** The store's erasure count as a read found it, and when that read started. */
export interface ErasureCheck {
  erasures: number;
  checkedAt: number;
}

/**
 * How far a read trusts the cache. `check`: ask the store's erasure count first (one statement per
 * batch read, together with any key not cached). `throttled`: at most every subscriptionRecheckMs.
 * An ErasureCheck: the count was read alongside the batch's events (`erasureCount`).
 */
export type CacheTrust = 'check' | 'throttled' | ErasureCheck;

/**
 * Unwrapped data keys for the event store's append and read paths, cached (LRU, bounded) so that
 * appending and reading cost no unwrapping and at most one small statement per batch.
 *
 * Why an erasure takes effect at the very next read, in every process (API replicas, the projector,
 * the mailer, each with its own ring over the same key store):
 * - A stored key never changes; it can only be destroyed (erase, retention). So the one way a
 *   cached key can be wrong is that it was destroyed since it was cached.
 * - Every destruction raises the store's erasure count once the keys are gone and before `erase`
 *   returns. Every batch read (`readStream`, a page of `readAll`) reads that count, in the same
 *   statement as the keys it lacks. At another count than the one the cache was filled at, the ring
 *   drops its whole cache (erasures are rare: an admin's erasure, the daily retention) and fetches
 *   the batch's keys again. So any read that starts after an erasure returned, anywhere, cannot open
 *   a destroyed key: no TTL to run out, no message to wait for.
 * - Subscriptions deliver one event at a time, and a statement per event would cut the projector's
 *   rate several times over; they check at most every subscriptionRecheckMs. Enough because they
 *   deliver in log order: `DataSubjectErased` is appended after its keys are destroyed and evicts
 *   them here as it passes (PersonalDataEventStore.forgetErased), and the projector patches to
 *   "[erased]" whatever it wrote from earlier events; day keys destroyed by retention elsewhere are
 *   dropped within the recheck, and SignInRecordsExpired patches the login history anyway.
 * - Values opened from sealed lists are cached beside the keys (OpenedValuesCache) and dropped with
 *   them: the whole cache whenever the key cache is dropped, an owner's values when it is evicted.
 *   One is kept only if opened with the very key object this ring holds for its owner now (a read
 *   that began before an erasure opens with its own keys, and keeps nothing), and used only while
 *   the batch holds the owner's key.
 * - Appends seal with cached keys without a check: a value sealed meanwhile under a key destroyed
 *   elsewhere can be opened by nobody (the store no longer has the key, and every process's next
 *   read drops its cached copy before opening anything), which is what erasure asks.
 */
export class DataKeyRing {
  /** null: erased. Insertion order is recency (a hit moves the entry to the end). */
  private readonly cache = new Map<DataKeyOwner, OwnerKey | null>();
  /** The store's erasure count the cached entries were read at; undefined before the first read. */
  private erasures: number | undefined;
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  private readonly opened: OpenedValuesCache;
  private readonly maxEntries: number;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: DataKeyStore,
    private readonly masterKey: Buffer,
    options: DataKeyRingOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.recheckMs = options.subscriptionRecheckMs ?? 1_000;
    this.now = options.now ?? Date.now;
    this.opened = new OpenedValuesCache(options.maxOpenedBytes ?? 12 * 1024 * 1024);
  }

  /** Values opened before from `sealed` with this owner's key, if still kept. */
  openedValues(key: OwnerKey, sealed: string): readonly string[] | undefined {
    return this.opened.get(key.owner, sealed);
  }

  /** Keeps values just opened, if `key` is the key this ring holds for the owner now. */
  rememberOpened(key: OwnerKey, sealed: string, values: readonly string[]): void {
    if (this.cache.get(key.owner) === key) this.opened.set(key.owner, sealed, values);
  }

  /** Drops every opened value kept (the keys stay): the next reads decipher again. */
  dropOpenedValues(): void {
    this.opened.clear();
  }

  /**
   * The owners' keys for writing, created on first use; null once erased. One statement for one
   * owner not cached; for several, one lookup for the batch and one statement per owner to key.
   * Cached keys are used without a check (the class comment says why that is enough).
   */
  keysForWriting(
    owners: Iterable<DataKeyOwner>,
  ): Map<DataKeyOwner, OwnerKey | null> | Promise<Map<DataKeyOwner, OwnerKey | null>> {
    const { found, missing } = this.fromCache(owners);
    // All cached (every append after an owner's first): answered now, so an append through the
    // layer takes no extra turn of the event loop for its keys.
    return missing.length === 0 ? found : this.fetchKeysForWriting(found, missing);
  }

  private async fetchKeysForWriting(
    found: Map<DataKeyOwner, OwnerKey | null>,
    missing: DataKeyOwner[],
  ): Promise<Map<DataKeyOwner, OwnerKey | null>> {
    if (missing.length === 1) {
      // One owner (most appends): keyed, or its key read, in one statement with the count. Its new
      // key is wrapped for nothing when it has one already (once per owner and process).
      const [owner] = missing;
      const { wrapped, erasures } = await this.store.putIfAbsentWithErasureCount(
        owner,
        wrapDataKey(this.masterKey, owner, newDataKey()),
      );
      this.observe(erasures);
      found.set(owner, this.remember(owner, wrapped, erasures));
      return found;
    }
    const { keys, erasures } = await this.store.getWithErasureCount(missing);
    this.observe(erasures);
    for (const owner of missing) {
      // Read after the count: at least as fresh as it, so it may be cached at it.
      const wrapped =
        keys.get(owner) ??
        (keys.has(owner)
          ? null
          : await this.store.putIfAbsent(owner, wrapDataKey(this.masterKey, owner, newDataKey())));
      found.set(owner, this.remember(owner, wrapped, erasures));
    }
    return found;
  }

  /**
   * The store's erasure count, for a batch read to start beside its events (its own statement, run
   * while the events are read, so it adds no round trip after them) and hand to keysForReading.
   */
  async erasureCount(): Promise<ErasureCheck> {
    const checkedAt = this.now();
    return { erasures: (await this.store.getWithErasureCount([])).erasures, checkedAt };
  }

  /**
   * The key store's erasure count as a scalar SQL query (DataKeyStore.erasureCountSql), for a read
   * on the key store's own database to take in its statement, starting at `checkStart()`.
   */
  get erasureCountSql(): string | undefined {
    return this.store.erasureCountSql;
  }

  /** When a read that takes the erasure count in its own statement starts (its ErasureCheck's checkedAt). */
  checkStart(): number {
    return this.now();
  }

  /** Keys for reading: null for an erased owner and for one that never had a key (nothing to read). */
  async keysForReading(
    owners: Iterable<DataKeyOwner>,
    trust: CacheTrust = 'check',
  ): Promise<Map<DataKeyOwner, OwnerKey | null>> {
    if (typeof trust === 'object') this.observe(trust.erasures, trust.checkedAt);
    const wanted = [...owners];
    let { found, missing } = this.fromCache(wanted);
    const due =
      trust === 'check' || (trust === 'throttled' && this.now() - this.lastCheckAt >= this.recheckMs);
    if (missing.length === 0 && !due) return found;
    const checkedAt = this.now();
    let { keys, erasures } = await this.store.getWithErasureCount(missing);
    if (this.observe(erasures, checkedAt) && found.size > 0) {
      // Something was erased since those were cached: they may be gone now. Ask for them too.
      ({ keys, erasures } = await this.store.getWithErasureCount(wanted));
      this.observe(erasures, checkedAt);
      found = new Map();
      missing = wanted;
    }
    for (const owner of missing) {
      const wrapped = keys.get(owner);
      // Never keyed: nothing was encrypted for it, so not cached (a writer may key it any moment).
      found.set(owner, wrapped === undefined ? null : this.remember(owner, wrapped, erasures));
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

  /** Forgets cached keys and opened values (an erasure event passed by), with their sub-keys (`<owner>/…`). */
  evict(owners: Iterable<DataKeyOwner>): void {
    const evicted = [...owners];
    const prefixes: string[] = [];
    for (const owner of evicted) {
      this.cache.delete(owner);
      prefixes.push(`${owner}/`);
    }
    if (prefixes.length === 0) return;
    this.opened.forget(evicted);
    for (const cached of this.cache.keys()) {
      if (prefixes.some((prefix) => cached.startsWith(prefix))) this.cache.delete(cached);
    }
  }

  private fromCache(owners: Iterable<DataKeyOwner>): {
    found: Map<DataKeyOwner, OwnerKey | null>;
    missing: DataKeyOwner[];
  } {
    const found = new Map<DataKeyOwner, OwnerKey | null>();
    const missing: DataKeyOwner[] = [];
    for (const owner of owners) {
      const key = this.cache.get(owner);
      if (key === undefined) {
        missing.push(owner);
        continue;
      }
      this.cache.delete(owner);
      this.cache.set(owner, key);
      found.set(owner, key);
    }
    return { found, missing };
  }

  /**
   * Takes note of the store's erasure count: a higher one than the cache was filled at drops the
   * cache (true). A lower one is a slower, concurrent read's: its keys are used, not cached.
   */
  private observe(erasures: number, checkedAt?: number): boolean {
    if (checkedAt !== undefined && erasures >= (this.erasures ?? erasures))
      this.lastCheckAt = Math.max(this.lastCheckAt, checkedAt);
    if (this.erasures !== undefined && erasures <= this.erasures) return false;
    const dropped = this.erasures !== undefined;
    this.cache.clear();
    this.opened.clear();
    this.erasures = erasures;
    return dropped;
  }

  private remember(owner: DataKeyOwner, wrapped: string | null, erasures: number): OwnerKey | null {
    const key = wrapped === null ? null : ownerKey(owner, unwrapDataKey(this.masterKey, owner, wrapped));
    if (erasures !== this.erasures) return key;
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(owner, key);
    return key;
  }
}
