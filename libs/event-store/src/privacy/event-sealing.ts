import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import {
  decryptSealed,
  encryptValue,
  ENVELOPE_PREFIX,
  ERASED,
  erasedEnvelope,
  splitEnvelope,
  type OwnerKey,
} from './field-cipher';
import {
  isReference,
  openOwnerValues,
  PERSONAL_DATA_KEY,
  reference,
  referencedValue,
  sealOwnerValues,
  splitReference,
} from './owner-values';
import type { PersonalField } from './personal-data-policy.port';
import { openEnvelopes, valueAt, withValueAt } from './personal-values';

/** The keys a batch found: null for an owner erased (or never keyed, when reading). */
export type BatchKeys = ReadonlyMap<DataKeyOwner, OwnerKey | null>;

/** Sealed lists opened before (DataKeyRing's OpenedValuesCache), consulted only with the owner's key. */
export interface OpenedLists {
  openedValues(key: OwnerKey, sealed: string): readonly string[] | undefined;
  rememberOpened(key: OwnerKey, sealed: string, values: readonly string[]): void;
}

type SealedLists = Record<DataKeyOwner, string>;

function sealedListsOf(metadata: EventMetadata): SealedLists | undefined {
  const lists = metadata[PERSONAL_DATA_KEY];
  return lists !== null && typeof lists === 'object' ? (lists as SealedLists) : undefined;
}

/**
 * Whether a value at an owner's personal path is already in its stored form: only a v2 reference
 * to that owner in an event that carries the owner's sealed list (an event copied as stored; the
 * metadata is the server's, never a writer's). Anything else is what someone wrote, however it
 * looks: a customer may type "pii:v1:…" or "pii:v2:…", and it is sealed like any other text (left
 * as it was, it would stay in clear after an erasure, or make the event unreadable).
 */
export function isStoredCopy(value: string, owner: DataKeyOwner, metadata: EventMetadata): boolean {
  if (!isReference(value) || splitReference(value).owner !== owner) return false;
  const lists = sealedListsOf(metadata);
  return lists !== undefined && typeof lists[owner] === 'string';
}

/**
 * The event with its personal values stored: each owner's values sealed together (v2, one
 * ciphertext per owner) and referenced where they were. A stored copy (isStoredCopy) is left as it
 * is; an owner erased already gets an empty v1 envelope (it holds nothing); an owner that already
 * has a sealed list in this event (an event copied as stored) gets v1 envelopes, so the list stays
 * as sealed. A path named twice is sealed once. A copy: the caller's objects stay plain.
 */
export function sealEvent<E extends NewEvent>(
  event: E,
  fields: readonly PersonalField[],
  keys: BatchKeys,
): E {
  const existing = sealedListsOf(event.metadata);
  let root: { data: Record<string, unknown>; metadata: EventMetadata } = {
    data: event.data,
    metadata: event.metadata,
  };
  const lists = new Map<DataKeyOwner, string[]>();
  const sealedPaths = new Set<string>();
  for (const field of fields) {
    const path = JSON.stringify(field.path);
    const value = valueAt(root, field.path);
    if (typeof value !== 'string' || sealedPaths.has(path)) continue; // absent, or a path named twice
    if (isStoredCopy(value, field.owner, event.metadata)) continue;
    sealedPaths.add(path);
    const key = keys.get(field.owner);
    let stored: string;
    if (!key) stored = erasedEnvelope(field.owner);
    else if (existing && Object.hasOwn(existing, field.owner)) stored = encryptValue(key, value);
    else {
      const list = lists.get(field.owner) ?? [];
      lists.set(field.owner, list);
      stored = reference(field.owner, list.length);
      list.push(value);
    }
    root = withValueAt(root, field.path, stored);
  }
  if (lists.size > 0) {
    const sealed: SealedLists = { ...existing };
    for (const [owner, values] of lists) sealed[owner] = sealOwnerValues(keys.get(owner)!, values);
    root = { data: root.data, metadata: { ...root.metadata, [PERSONAL_DATA_KEY]: sealed } };
  }
  return root.data === event.data && root.metadata === event.metadata ? event : { ...event, ...root };
}

/**
 * The event with every stored value opened ("[erased]" where the key is gone) and the sealed lists
 * taken out of its metadata: each owner's list is opened once, at its first reference, or taken
 * from the cache of lists opened before. Only the objects holding a stored value are copied.
 */
export function openEvent(event: RecordedEvent, keys: BatchKeys, cache?: OpenedLists): RecordedEvent {
  const lists = sealedListsOf(event.metadata);
  const opened = new Map<DataKeyOwner, readonly string[] | null>();
  const open = (stored: string): string => {
    if (stored.startsWith(ENVELOPE_PREFIX)) {
      const { owner, sealed } = splitEnvelope(stored);
      const key = keys.get(owner);
      if (!key) return ERASED;
      try {
        return decryptSealed(key, sealed);
      } catch {
        // Not an envelope this layer wrote: text that only looks like one, written where values
        // are not personal (those are sealed whatever they look like). It is shown as written.
        return stored;
      }
    }
    const { owner, index } = splitReference(stored);
    const sealed = lists?.[owner];
    // No list of that owner, or no value at that index: not a reference this layer wrote (as above).
    if (typeof sealed !== 'string') return stored;
    let values = opened.get(owner);
    if (values === undefined) {
      values = openList(owner, sealed);
      opened.set(owner, values);
    }
    if (values !== null && (!Number.isInteger(index) || index < 0 || index >= values.length)) return stored;
    return referencedValue(values, index, owner);
  };
  const openList = (owner: DataKeyOwner, sealed: string): readonly string[] | null => {
    const key = keys.get(owner);
    if (!key) return null;
    const kept = cache?.openedValues(key, sealed);
    if (kept) return kept;
    const values = openOwnerValues(key, sealed);
    cache?.rememberOpened(key, sealed, values);
    return values;
  };
  const data = openEnvelopes(event.data, open);
  let metadata = event.metadata;
  if (lists) {
    const { [PERSONAL_DATA_KEY]: _sealed, ...rest } = metadata;
    metadata = rest as EventMetadata;
  }
  metadata = openEnvelopes(metadata, open);
  return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
}
