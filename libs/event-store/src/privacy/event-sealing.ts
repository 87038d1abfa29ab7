import type { EventMetadata, NewEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import { encryptValue, erasedEnvelope, type OwnerKey } from './field-cipher';
import { isReference, PERSONAL_DATA_KEY, reference, sealOwnerValues, splitReference } from './owner-values';
import type { PersonalField } from './personal-data-policy.port';
import { valueAt } from './personal-values';

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

/** Whether `path` equals one of `paths` (an event names a few: compared in place, nothing built). */
function namedBefore(paths: readonly (readonly string[])[], path: readonly string[]): boolean {
  for (const before of paths) {
    if (before.length !== path.length) continue;
    let i = 0;
    while (i < path.length && before[i] === path[i]) i += 1;
    if (i === path.length) return true;
  }
  return false;
}

/**
 * A copy of `root` with each `paths[i]` set to `values[i]`: every object along the paths copied
 * once, however many of the paths go through it (the rest shared), so an event's values are
 * replaced with one copy of its data and one of its metadata. `copies` maps each object copied to
 * its copy.
 */
function withValuesAt(
  root: Record<string, unknown>,
  paths: readonly (readonly string[])[],
  values: readonly string[],
  copies: Map<object, Record<string, unknown>>,
): Record<string, unknown> {
  const copyOf = (from: unknown): Record<string, unknown> => {
    const source = (from ?? {}) as Record<string, unknown>;
    let copy = copies.get(source);
    if (copy === undefined) copies.set(source, (copy = { ...source }));
    return copy;
  };
  const top = copyOf(root);
  for (let p = 0; p < paths.length; p += 1) {
    const path = paths[p];
    let from: unknown = root;
    let to = top;
    for (let i = 0; i < path.length - 1; i += 1) {
      from = (from as Record<string, unknown> | undefined)?.[path[i]];
      const next = copyOf(from);
      to[path[i]] = next;
      to = next;
    }
    to[path[path.length - 1]] = values[p];
  }
  return top;
}

/**
 * The event with its personal values stored: each owner's values sealed together (v2, one
 * ciphertext per owner) and referenced where they were. A stored copy (isStoredCopy) is left as it
 * is; an owner erased already gets an empty v1 envelope (it holds nothing); an owner that already
 * has a sealed list in this event (an event copied as stored) gets v1 envelopes, so the list stays
 * as sealed. A path named twice is sealed once. A copy: the caller's objects stay plain (the data
 * and metadata copied once each, whatever the number of values). Each list sealed is added to
 * `sealedLists` when given (its values need no decipher to be read again).
 */
export function sealEvent<E extends NewEvent>(
  event: E,
  fields: readonly PersonalField[],
  keys: BatchKeys,
  sealedLists?: SealedList[],
): E {
  const existing = sealedListsOf(event.metadata);
  const root: Record<string, unknown> = { data: event.data, metadata: event.metadata };
  let lists: Map<DataKeyOwner, string[]> | undefined;
  const paths: (readonly string[])[] = [];
  const stored: string[] = [];
  for (const field of fields) {
    // Read from the event as given: a path replaced before holds no other path's value (a string
    // has no fields), so this reads what reading the copy as it is being made would.
    const value = valueAt(root, field.path);
    if (typeof value !== 'string' || namedBefore(paths, field.path)) continue; // absent, or named twice
    if (isStoredCopy(value, field.owner, event.metadata)) continue;
    const key = keys.get(field.owner);
    let sealedValue: string;
    if (!key) sealedValue = erasedEnvelope(field.owner);
    else if (existing && Object.hasOwn(existing, field.owner)) sealedValue = encryptValue(key, value);
    else {
      lists ??= new Map();
      let list = lists.get(field.owner);
      if (list === undefined) lists.set(field.owner, (list = []));
      sealedValue = reference(field.owner, list.length);
      list.push(value);
    }
    paths.push(field.path);
    stored.push(sealedValue);
  }
  if (paths.length === 0) return event;
  const copies = new Map<object, Record<string, unknown>>();
  const copy = withValuesAt(root, paths, stored, copies);
  if (lists !== undefined) {
    const sealed: SealedLists = { ...existing };
    for (const [owner, values] of lists) {
      const key = keys.get(owner)!;
      const list = sealOwnerValues(key, values);
      sealed[owner] = list.sealed;
      sealedLists?.push({ key, sealed: list.sealed, values: list.opened });
    }
    // The metadata's copy if a value of it was replaced, else one made now.
    let metadata = copies.get(event.metadata);
    if (metadata === undefined) copy.metadata = metadata = { ...event.metadata };
    metadata[PERSONAL_DATA_KEY] = sealed;
  }
  return { ...event, data: copy.data, metadata: copy.metadata };
}
