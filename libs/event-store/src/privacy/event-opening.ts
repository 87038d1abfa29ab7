import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import { type BatchKeys, type OpenedLists, sealedListsOf } from './event-sealing';
import { decryptSealed, ENVELOPE_PREFIX, ERASED, REFERENCE_PREFIX, splitEnvelope } from './field-cipher';
import { openOwnerValues, PERSONAL_DATA_KEY, referencedValue } from './owner-values';
import { InPlaceChanges, openEnvelopesInPlace } from './opened-in-place';
import { collectEnvelopeOwners, openEnvelopes } from './personal-values';

// The read side of event-sealing.ts, for a batch of events: a first look at each event finds the
// owners whose keys it needs (and whether it holds anything to open at all), a walk, only over the
// events that do, opens them. An event with no sealed list and no v1 envelope reads as stored.

/**
 * Adds the owners whose keys opening the event needs; true when it holds something to open. An
 * event with sealed lists: the lists' owners, without a walk. Its v1 envelopes are those of owners
 * its lists name (event-sealing.ts writes one beside a list only for the list's owner) or empty
 * ones (an owner erased when it was written: they need no key); any other (text that only looks like
 * one) is found while opening, and EventOpener asks for its key then. An event without: the owners
 * of its v1 envelopes. A v2 reference without its owner's list in the same event is not one this
 * layer wrote (it reads as stored), so the lists name every owner a reference needs.
 */
export function addOwnersToOpen(event: RecordedEvent, into: Set<DataKeyOwner>): boolean {
  const lists = sealedListsOf(event.metadata);
  if (lists === undefined) {
    const inData = collectEnvelopeOwners(event.data, into);
    return collectEnvelopeOwners(event.metadata, into) || inData;
  }
  for (const owner in lists) if (Object.hasOwn(lists, owner)) into.add(owner);
  return true;
}

/** Where a reference's index starts: `pii:v2:` and the owner before it. */
const OWNER_AT = REFERENCE_PREFIX.length;

/**
 * The index a reference names after its last colon: as Number() reads it (splitReference), digits
 * read here without a slice (a reference this layer wrote has a few), anything else by Number().
 */
function referenceIndex(stored: string, colon: number): number {
  const digits = stored.length - colon - 1;
  if (digits < 1 || digits > 9) return Number(stored.slice(colon + 1));
  let index = 0;
  for (let i = colon + 1; i < stored.length; i += 1) {
    const digit = stored.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(stored.slice(colon + 1));
    index = index * 10 + digit;
  }
  return index;
}

/**
 * Opens events with one batch's keys: every stored value opened ("[erased]" where the key is gone)
 * and the sealed lists taken out of the metadata. Each owner's list is opened once per event, at its
 * first reference, or taken from the cache of lists opened before. Only the objects holding a stored
 * value are copied. One per batch, reused event after event (no closures made per event).
 */
export class EventOpener {
  // The event's sealed lists, side by side: a reference is matched to its owner in place (no owner
  // string cut out and hashed per value), and each list opened at most once (null: key gone).
  private readonly owners: DataKeyOwner[] = [];
  private readonly sealed: string[] = [];
  private readonly values: (readonly string[] | null | undefined)[] = [];
  private lists = 0;
  /** Owners of v1 envelopes met in the event being opened whose keys the batch did not look up. */
  readonly missing: DataKeyOwner[] = [];

  /** Set when the events are this reader's alone: the values of an event opened are put back from here when it has to be opened again. */
  private readonly changes: InPlaceChanges | undefined;

  constructor(
    public keys: BatchKeys,
    private readonly cache?: OpenedLists,
    /**
     * The events' objects are held by nobody else (EventStore.returnsUnsharedEvents): each event is
     * opened in place (its metadata alone copied, without the sealed lists) instead of copied.
     */
    inPlace = false,
  ) {
    this.changes = inPlace ? new InPlaceChanges() : undefined;
  }

  /**
   * The event opened, or undefined when it holds v1 envelopes of owners whose keys the batch lacks
   * (`missing` names them): look them up and open it again.
   */
  open(event: RecordedEvent): RecordedEvent | undefined {
    const lists = sealedListsOf(event.metadata);
    this.lists = 0;
    this.missing.length = 0;
    if (lists) {
      for (const owner in lists) {
        const sealed = lists[owner];
        if (!Object.hasOwn(lists, owner) || typeof sealed !== 'string') continue;
        this.owners[this.lists] = owner;
        this.sealed[this.lists] = sealed;
        this.values[this.lists] = undefined;
        this.lists += 1;
      }
    }
    if (this.changes) return this.openInPlace(event, lists !== undefined, this.changes);
    const data = openEnvelopes(event.data, this.openValue);
    let metadata: EventMetadata;
    if (lists) {
      // A copy without the lists, each of its values opened in place (it is this reader's own).
      const rest: Record<string, unknown> = {};
      for (const key in event.metadata) {
        if (key !== PERSONAL_DATA_KEY && Object.hasOwn(event.metadata, key))
          rest[key] = openEnvelopes(event.metadata[key], this.openValue);
      }
      metadata = rest as EventMetadata;
    } else metadata = openEnvelopes(event.metadata, this.openValue);
    if (this.missing.length > 0) return undefined;
    return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
  }

  /** open(), changing the event and its data rather than copying them. */
  private openInPlace(
    event: RecordedEvent,
    withLists: boolean,
    changes: InPlaceChanges,
  ): RecordedEvent | undefined {
    openEnvelopesInPlace(event.data, this.openValue, changes);
    let metadata = event.metadata;
    if (withLists) {
      // Still a copy: deleting the lists' key would turn the object into a slow dictionary.
      const rest: Record<string, unknown> = {};
      for (const key in metadata) {
        if (key !== PERSONAL_DATA_KEY && Object.hasOwn(metadata, key))
          rest[key] = openEnvelopesInPlace(metadata[key], this.openValue, changes);
      }
      metadata = rest as EventMetadata;
    } else openEnvelopesInPlace(metadata, this.openValue, changes);
    if (this.missing.length > 0) {
      // Opened again once the keys are found: from the values as stored, not from half-opened ones.
      changes.undo();
      return undefined;
    }
    changes.clear();
    event.metadata = metadata;
    return event;
  }

  private readonly openValue = (stored: string): string => {
    if (stored.startsWith(ENVELOPE_PREFIX)) {
      const { owner, sealed } = splitEnvelope(stored);
      // Empty: its owner was erased when it was written (it reads so with their key or without).
      if (sealed.length === 0) return ERASED;
      const key = this.keys.get(owner);
      if (key === undefined && !this.keys.has(owner)) {
        this.missing.push(owner);
        return stored;
      }
      if (!key) return ERASED;
      try {
        return decryptSealed(key, sealed);
      } catch {
        // Not an envelope this layer wrote: text that only looks like one, written where values
        // are not personal (those are sealed whatever they look like). It is shown as written.
        return stored;
      }
    }
    const colon = stored.lastIndexOf(':');
    const list = this.listOf(stored, Math.max(colon, OWNER_AT) - OWNER_AT);
    // No list of that owner, or no value at that index: not a reference this layer wrote (as above).
    if (list < 0) return stored;
    const owner = this.owners[list];
    let values = this.values[list];
    if (values === undefined) values = this.values[list] = this.openList(owner, this.sealed[list]);
    const index = referenceIndex(stored, colon);
    if (values !== null && (!Number.isInteger(index) || index < 0 || index >= values.length)) return stored;
    return referencedValue(values, index, owner);
  };

  /** Which of the event's lists is the one of the owner a reference names (its `ownerLength` characters after the prefix); -1: none. */
  private listOf(reference: string, ownerLength: number): number {
    for (let list = 0; list < this.lists; list += 1) {
      const owner = this.owners[list];
      if (owner.length === ownerLength && reference.startsWith(owner, OWNER_AT)) return list;
    }
    return -1;
  }

  private openList(owner: DataKeyOwner, sealed: string): readonly string[] | null {
    const key = this.keys.get(owner);
    if (!key) return null;
    const kept = this.cache?.openedValues(key, sealed);
    if (kept) return kept;
    const values = openOwnerValues(key, sealed);
    this.cache?.rememberOpened(key, sealed, values);
    return values;
  }
}
