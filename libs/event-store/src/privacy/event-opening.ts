import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';
import { type BatchKeys, type OpenedLists, type SealedLists, sealedListsOf } from './event-sealing';
import { decryptSealed, ENVELOPE_PREFIX, ERASED, splitEnvelope } from './field-cipher';
import { openOwnerValues, PERSONAL_DATA_KEY, referencedValue, splitReference } from './owner-values';
import { collectEnvelopeOwners, openEnvelopes } from './personal-values';

// The read side of event-sealing.ts, for a batch of events: one walk per event finds the owners
// whose keys it needs (and whether it holds anything to open at all), a second walk, only over the
// events that do, opens them. An event with no sealed list and no v1 envelope reads as stored.

/**
 * Adds the owners whose keys opening the event needs (its sealed lists' and its v1 envelopes'); true
 * when it holds something to open. A v2 reference without its owner's list in the same event is not
 * one this layer wrote (it reads as stored), so the lists name every owner a reference needs.
 */
export function addOwnersToOpen(event: RecordedEvent, into: Set<DataKeyOwner>): boolean {
  const lists = sealedListsOf(event.metadata);
  if (lists) for (const owner in lists) if (Object.hasOwn(lists, owner)) into.add(owner);
  const inData = collectEnvelopeOwners(event.data, into);
  const inMetadata = collectEnvelopeOwners(event.metadata, into);
  return lists !== undefined || inData || inMetadata;
}

/**
 * Opens events with one batch's keys: every stored value opened ("[erased]" where the key is gone)
 * and the sealed lists taken out of the metadata. Each owner's list is opened once per event, at its
 * first reference, or taken from the cache of lists opened before. Only the objects holding a stored
 * value are copied. One per batch, reused event after event (no closures made per event).
 */
export class EventOpener {
  private lists: SealedLists | undefined;
  /** The lists opened for the event being opened (null: the owner's key is gone). */
  private readonly opened = new Map<DataKeyOwner, readonly string[] | null>();
  /** The owner opened last in this event and its list: most events reference one owner's values. */
  private lastOwner: DataKeyOwner | undefined;
  private lastValues: readonly string[] | null | undefined;

  constructor(
    public keys: BatchKeys,
    private readonly cache?: OpenedLists,
  ) {}

  open(event: RecordedEvent): RecordedEvent {
    const lists = sealedListsOf(event.metadata);
    this.lists = lists;
    if (this.opened.size > 0) this.opened.clear();
    this.lastOwner = undefined;
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
    return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
  }

  private readonly openValue = (stored: string): string => {
    if (stored.startsWith(ENVELOPE_PREFIX)) {
      const { owner, sealed } = splitEnvelope(stored);
      const key = this.keys.get(owner);
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
    const sealed = this.lists?.[owner];
    // No list of that owner, or no value at that index: not a reference this layer wrote (as above).
    if (typeof sealed !== 'string') return stored;
    let values = owner === this.lastOwner ? this.lastValues : this.opened.get(owner);
    if (values === undefined) {
      values = this.openList(owner, sealed);
      this.opened.set(owner, values);
    }
    this.lastOwner = owner;
    this.lastValues = values;
    if (values !== null && (!Number.isInteger(index) || index < 0 || index >= values.length)) return stored;
    return referencedValue(values, index, owner);
  };

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
