import type { DataKeyOwner } from './data-key-store.port';

interface Entry {
  owner: DataKeyOwner;
  sealed: string;
  values: readonly string[];
  chars: number;
}

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

/**
 * Personal values already opened from sealed lists (v2), by the sealed text (found by its tag,
 * tagKey), so that reading the same events again (a stream loaded for every command, a page read
 * twice) costs a map lookup instead of a decipher. It is personal data in memory, so it is bounded
 * (entries and characters, the longest kept go first: a hit moves nothing, so it costs one map
 * lookup) and owned by the DataKeyRing, which drops it with the keys: on every erasure it learns of
 * (the whole cache) and for every owner it evicts. A hit is only used while the batch holds the
 * owner's key (an erased owner reads "[erased]" without looking here).
 */
export class OpenedValuesCache {
  /** In the order they were opened: the first ones go first. */
  private readonly entries = new Map<number, Entry>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The values sealed as `sealed` for `owner` (another owner's entry is a miss: it would not open). */
  get(owner: DataKeyOwner, sealed: string): readonly string[] | undefined {
    const entry = this.entries.get(tagKey(sealed));
    return entry !== undefined && entry.owner === owner && entry.sealed === sealed ? entry.values : undefined;
  }

  set(owner: DataKeyOwner, sealed: string, values: readonly string[]): void {
    const chars = values.reduce((n, v) => n + v.length, sealed.length);
    if (chars > this.maxChars || this.maxEntries === 0) return;
    const key = tagKey(sealed);
    this.delete(key);
    while (this.entries.size >= this.maxEntries || this.chars + chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.entries.set(key, { owner, sealed, values, chars });
    this.chars += chars;
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
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.chars;
  }
}
