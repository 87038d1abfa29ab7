import type { DataKeyOwner } from './data-key-store.port';

interface Entry {
  key: number;
  owner: DataKeyOwner;
  sealed: string;
  values: readonly string[];
  bytes: number;
}

const NONE: readonly string[] = Object.freeze([]);

/** Characters of the sealed text's end the look-up key is made of: they encode its GCM tag. */
const TAG_CHARS = 6;

/**
 * The look-up key of a sealed text: a number made of its last characters, which encode (the end
 * of) its GCM tag, random to whoever lacks the key. A Map keyed by the text itself hashes all of it
 * on every read (a new string each time the events are read); this reads six characters. Two texts
 * with the same key share one slot: a hit is checked against the whole text.
 */
function tagKey(sealed: string): number {
  let key = 0;
  for (let i = Math.max(0, sealed.length - TAG_CHARS); i < sealed.length; i += 1)
    key = Math.imul(key, 64) + sealed.charCodeAt(i);
  // A small integer (31 bits on 64-bit V8): a Map hashes it without boxing it.
  return key & 0x3fffffff;
}

// What a kept list weighs on V8's heap (64-bit, no pointer compression, as Node runs): the map's
// slot, the entry and the values' array are ENTRY_BYTES; each string a header and its characters
// (8-byte aligned). A 12 MiB cache filled with sign-ins (an IP and a user agent) held 32,099 lists
// and grew the heap by 12.22 MiB after a full collection: 399 bytes each; this estimated 400. The
// entry's key and its slot in the eviction order (`order`) added 16 (entry, map slot and order
// measured 91 -> 108 bytes a list, the strings and the values' array apart).
const ENTRY_BYTES = 184;
const SLOT_BYTES = 8;
const STRING_HEADER_BYTES = 16;
/** A character beyond Latin-1: V8 then keeps the whole string at two bytes a character. */
const TWO_BYTE = /[\u0100-\uffff]/;

function stringBytes(text: string): number {
  const chars = TWO_BYTE.test(text) ? text.length * 2 : text.length;
  return STRING_HEADER_BYTES + Math.ceil(chars / 8) * 8;
}

/** The heap a kept list takes, estimated (the sealed text is base64url: one byte a character). */
export function keptBytes(sealed: string, values: readonly string[]): number {
  let bytes = ENTRY_BYTES + STRING_HEADER_BYTES + Math.ceil(sealed.length / 8) * 8;
  for (const value of values) bytes += SLOT_BYTES + stringBytes(value);
  return bytes;
}

/**
 * Personal values already opened from sealed lists (v2), or sealed by this process (it knows them
 * when it appends), by the sealed text (found by its tag, tagKey), so that reading the same events
 * again (a stream loaded for every command, a page read twice) or for the first time after writing
 * them costs a map lookup instead of a decipher. It is personal data in memory, so it is bounded in
 * bytes (keptBytes; the lists kept first go first: a hit moves nothing, so it costs one map lookup)
 * and owned by the DataKeyRing, which drops it with the keys: on every erasure it learns of (the
 * whole cache) and for every owner it evicts. A hit is only used while the batch holds the owner's
 * key (an erased owner reads "[erased]" without looking here).
 */
export class OpenedValuesCache {
  private readonly entries = new Map<number, Entry>();
  /**
   * The entries in the order they were kept, the oldest (next to go) at `head`; one deleted since
   * (replaced, forgotten) stays until passed, recognised by no longer being the map's. Not the
   * map's own order: V8 leaves a deleted entry of a Map as a hole that iterating from the start
   * skips one by one until the table is rebuilt, so taking the oldest with `keys().next()` from a
   * full cache that evicts at every set read ~half its size of holes each time (39 µs a set at
   * 32,000 lists, more than sealing the list).
   */
  private order: (Entry | undefined)[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The values sealed as `sealed` for `owner` (another owner's entry is a miss: it would not open). */
  get(owner: DataKeyOwner, sealed: string): readonly string[] | undefined {
    const entry = this.entries.get(tagKey(sealed));
    return entry !== undefined && entry.owner === owner && entry.sealed === sealed ? entry.values : undefined;
  }

  set(owner: DataKeyOwner, sealed: string, values: readonly string[]): void {
    const bytes = keptBytes(sealed, values);
    if (bytes > this.maxBytes) return;
    const key = tagKey(sealed);
    this.delete(key);
    while (this.bytes + bytes > this.maxBytes && this.deleteOldest());
    const entry: Entry = { key, owner, sealed, values, bytes };
    this.entries.set(key, entry);
    this.order.push(entry);
    this.bytes += bytes;
    // Passed or deleted entries dropped from the order once they are most of it (amortised O(1)).
    if (this.order.length > 2 * this.entries.size + 1024) this.compact();
  }

  /** Drops the values of these owners and of their sub-keys (`<owner>/…`). */
  forget(owners: readonly DataKeyOwner[]): void {
    if (owners.length === 0 || this.entries.size === 0) return;
    const prefixes = owners.map((owner) => `${owner}/`);
    for (const [key, entry] of this.entries) {
      if (owners.includes(entry.owner) || prefixes.some((p) => entry.owner.startsWith(p))) this.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.order = [];
    this.head = 0;
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated heap the kept lists take (keptBytes), at most maxBytes. */
  get keptByteCount(): number {
    return this.bytes;
  }

  /** Deletes the oldest entry kept; false when there is none. */
  private deleteOldest(): boolean {
    while (this.head < this.order.length) {
      const entry = this.order[this.head]!;
      this.order[this.head] = undefined;
      this.head += 1;
      if (this.entries.get(entry.key) === entry) {
        this.delete(entry.key);
        return true;
      }
    }
    return false;
  }

  /** The order without the entries passed or deleted (those no longer the map's). */
  private compact(): void {
    const live: (Entry | undefined)[] = [];
    for (let i = this.head; i < this.order.length; i += 1) {
      const entry = this.order[i]!;
      if (this.entries.get(entry.key) === entry) live.push(entry);
    }
    this.order = live;
    this.head = 0;
  }

  private delete(key: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    // Still in the order until passed: it must not keep the values (personal data) alive meanwhile.
    entry.values = NONE;
    entry.sealed = '';
  }
}
