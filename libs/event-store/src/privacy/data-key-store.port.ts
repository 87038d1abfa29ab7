// Where the data keys of data subjects live, wrapped by the master key: the store never sees a key
// it could use. Forgetting a key (erase) forgets every value encrypted under it, in every event and
// every replay, at once: crypto-shredding. One contract suite (data-key-store.contract.ts) runs
// against each adapter.

/** A data key's owner: `portalUser:<id>` or `contact:<id>`. */
export type DataKeyOwner = string;

export interface DataKeyStore {
  /**
   * Keeps `wrapped` as the owner's key unless the owner already has one (or had one that was erased)
   * and answers what is stored now: the winner's key when two writers race, null once erased.
   */
  putIfAbsent(owner: DataKeyOwner, wrapped: string): Promise<string | null>;
  /**
   * `putIfAbsent` and the store's erasure count (as `getWithErasureCount` reads it), in one round
   * trip: how a writer keys an owner it has not cached (a user's first sign-in of a day keys a new
   * day) without first asking whether the owner has a key.
   */
  putIfAbsentWithErasureCount(
    owner: DataKeyOwner,
    wrapped: string,
  ): Promise<{ wrapped: string | null; erasures: number }>;
  /** The owners' wrapped keys: null for an erased owner, absent for one that never had a key. */
  get(owners: readonly DataKeyOwner[]): Promise<Map<DataKeyOwner, string | null>>;
  /**
   * `get` and the store's erasure count, read together in one round trip and one snapshot (owners
   * may be empty: the count alone). The count grows with every `erase` and `eraseDatedSubKeys`
   * once its keys are gone, before the call returns: a process whose cache was filled at another
   * count knows its cache may hold a destroyed key (DataKeyRing).
   */
  getWithErasureCount(
    owners: readonly DataKeyOwner[],
  ): Promise<{ keys: Map<DataKeyOwner, string | null>; erasures: number }>;
  /**
   * Drops the key material of these owners for good, keeping a tombstone (so nothing is keyed for
   * them again); owners that never had a key get the tombstone too. Their sub-keys
   * (`<owner>/<anything>`, e.g. a user's sign-in days) go with them. Answers the owners erased now.
   */
  erase(owners: readonly DataKeyOwner[]): Promise<DataKeyOwner[]>;
  /**
   * Retention: deletes the dated sub-keys `<owner>/<kind>:<YYYY-MM-DD>` of days before `before`
   * (no tombstone: nothing writes for a past day; reading a missing key shows "[erased]").
   * Answers the sub-keys deleted.
   */
  eraseDatedSubKeys(kind: string, before: string): Promise<DataKeyOwner[]>;
  /**
   * A scalar SQL query of the erasure count as getWithErasureCount reads it, for a statement on this
   * store's own database to read beside its rows (one round trip, one snapshot). Undefined when the
   * store has no such database, or knows the count without a statement.
   */
  readonly erasureCountSql?: string;
  close(): Promise<void>;
}
