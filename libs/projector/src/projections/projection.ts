import type { RecordedEvent } from '@portal/event-store';
import type { IndexSpec } from '@portal/read-store';
import type { GenerationCollectionName, GenerationDocuments } from '../documents/generation-documents';

export interface CollectionSpec {
  name: GenerationCollectionName;
  indexes: IndexSpec[];
  /**
   * A projection queries this collection while folding (find): a replay into a fresh generation
   * then keeps its indexes from the start instead of building them after the load.
   */
  queriedWhileProjecting?: boolean;
}

/** A document of a generation by logical collection name. */
export interface DocumentKey {
  name: GenerationCollectionName;
  id: string;
}

/**
 * One read model (or a part of one) kept from events. `apply` must be deterministic (no clock, no
 * randomness): a rebuild and the live run must produce the same documents from the same events.
 */
export interface Projection {
  readonly name: string;
  readonly collections: readonly CollectionSpec[];
  /** Documents present before any event (built-in entity types). */
  seed?(docs: GenerationDocuments): Promise<void> | void;
  apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void>;
  /**
   * The documents apply will read for this event beyond the aggregate state of the event's own
   * stream (which a batch loads for every event), so a batch loads them in bulk before folding.
   * A hint for speed only: a document apply reads without it is still read, one look-up each.
   */
  reads?(event: RecordedEvent): readonly DocumentKey[];
}
