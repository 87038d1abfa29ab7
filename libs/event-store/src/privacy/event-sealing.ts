import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import {
  decryptSealed,
  encryptValue,
  ENVELOPE_PREFIX,
  ERASED,
  erasedEnvelope,
  isSealedValue,
  splitEnvelope,
  type OwnerKey,
} from './field-cipher';
import {
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
 * The event with its personal values stored: each owner's values sealed together (v2, one
 * ciphertext per owner) and referenced where they were. A value already stored (v1 or v2) is left
 * as it is; an owner erased already gets an empty v1 envelope (it holds nothing); an owner that
 * already has a sealed list in this event (an event copied as stored) gets v1 envelopes, so the
 * list stays as sealed. A copy: the caller's objects stay plain.
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
  for (const field of fields) {
    const value = valueAt(root, field.path);
    if (typeof value !== 'string' || isSealedValue(value)) continue; // absent, stored, or a path named twice
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
      return key ? decryptSealed(key, sealed) : ERASED;
    }
    const { owner, index } = splitReference(stored);
    let values = opened.get(owner);
    if (values === undefined) {
      const sealed = lists?.[owner];
      if (typeof sealed !== 'string')
        throw new Error(`no sealed personal data of ${owner} in event ${event.id}`);
      values = openList(owner, sealed);
      opened.set(owner, values);
    }
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
