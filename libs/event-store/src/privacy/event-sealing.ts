import type { EventMetadata, NewEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import { encryptValue, erasedEnvelope, type OwnerKey } from './field-cipher';
import { isReference, PERSONAL_DATA_KEY, reference, sealOwnerValues, splitReference } from './owner-values';
import type { PersonalField } from './personal-data-policy.port';
import { valueAt, withValueAt } from './personal-values';

/** The keys a batch found: null for an owner erased (or never keyed, when reading). */
export type BatchKeys = ReadonlyMap<DataKeyOwner, OwnerKey | null>;

/** Sealed lists opened before (DataKeyRing's OpenedValuesCache), consulted only with the owner's key. */
export interface OpenedLists {
  openedValues(key: OwnerKey, sealed: string): readonly string[] | undefined;
  rememberOpened(key: OwnerKey, sealed: string, values: readonly string[]): void;
}

/** An owner's values of one event as sealEvent sealed them, and the key it sealed them with. */
export interface SealedList {
  key: OwnerKey;
  sealed: string;
  values: readonly string[];
}

/** An event's sealed lists (metadata.personalData): each owner's values as one ciphertext. */
export type SealedLists = Record<DataKeyOwner, string>;

export function sealedListsOf(metadata: EventMetadata): SealedLists | undefined {
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
 * as sealed. A path named twice is sealed once. A copy: the caller's objects stay plain. Each list
 * sealed is added to `sealedLists` when given (its values need no decipher to be read again).
 */
export function sealEvent<E extends NewEvent>(
  event: E,
  fields: readonly PersonalField[],
  keys: BatchKeys,
  sealedLists?: SealedList[],
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
    for (const [owner, values] of lists) {
      const key = keys.get(owner)!;
      const list = sealOwnerValues(key, values);
      sealed[owner] = list.sealed;
      sealedLists?.push({ key, sealed: list.sealed, values: list.opened });
    }
    root = { data: root.data, metadata: { ...root.metadata, [PERSONAL_DATA_KEY]: sealed } };
  }
  return root.data === event.data && root.metadata === event.metadata ? event : { ...event, ...root };
}
