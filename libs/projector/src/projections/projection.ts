import type { RecordedEvent } from '@portal/event-store';
import type { IndexSpec } from '@portal/read-store';
import type { GenerationCollectionName, GenerationDocuments } from '../documents/generation-documents';

export interface CollectionSpec {
  name: GenerationCollectionName;
  indexes: IndexSpec[];
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
}
