import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { DataKeyOwner } from './data-key-store.port';

/** One personal value of an event: where it is (from the event's root) and whose key encrypts it. */
export interface PersonalField {
  /** e.g. ['data', 'email'] or ['metadata', 'actor', 'name']. */
  path: readonly string[];
  owner: DataKeyOwner;
}

export interface EventToProtect {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * Which values of which events are personal data and whose they are: the domain's declarative map
 * (libs/domain privacy), given to the event store's privacy layer by the composition root.
 */
export interface PersonalDataPolicy {
  personalFields(stream: string, event: EventToProtect): PersonalField[];
  /** Owners whose keys this event reports erased (so every process forgets them at once). */
  erasedOwners(event: RecordedEvent): DataKeyOwner[];
}
