import type { RecordedEvent } from '@portal/event-store';
import type { DocumentShape, FindQuery, FindResult, IndexSpec, PathTypes } from '@portal/read-store';
import type { GenerationCollectionName, GenerationDocuments } from '../documents/generation-documents';

export interface CollectionSpec {
  name: GenerationCollectionName;
  indexes: IndexSpec[];
  /**
   * A projection queries this collection while folding (find): a replay into a fresh generation
   * then keeps its indexes from the start instead of building them after the load.
   */
  queriedWhileProjecting?: boolean;
  /** Read and written whole, by id only: the store may keep it more cheaply (CollectionOptions). */
  opaque?: boolean;
  /** Paths that hold one type where present (CollectionOptions.pathTypes): cheaper indexes on them. */
  pathTypes?: PathTypes;
}

/** A document of a generation by logical collection name. */
export interface DocumentKey {
  name: GenerationCollectionName;
  id: string;
  /**
   * Known not to exist before any batch that folds this event afresh (a document only its stream's
   * first event creates): the batch takes it as absent without looking it up.
   */
  absent?: boolean;
}

/** What a projection may read of the log besides the event it folds (the streams its logReads named). */
export interface ProjectionLog {
  /**
   * The stream's events from its start up to this revision (inclusive), as the read path showed them
   * just before the batch: an erased owner's values read "[erased]".
   */
  readStream(stream: string, upToRevision: number): RecordedEvent[];
}

/** The generation's documents as committed before the batch (outside its transaction). */
export interface CommittedDocuments {
  find<T extends DocumentShape>(name: GenerationCollectionName, query: FindQuery): Promise<FindResult<T>>;
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
  apply(event: RecordedEvent, docs: GenerationDocuments, log: ProjectionLog): Promise<void>;
  /**
   * The documents apply will read for this event beyond the aggregate state of the event's own
   * stream (which a batch loads for every event), so a batch loads them in bulk before folding.
   * A hint for speed only: a document apply reads without it is still read, one look-up each.
   */
  reads?(event: RecordedEvent): readonly DocumentKey[];
  /**
   * The streams apply will read from the log for these events (ProjectionLog). They are read before
   * the batch's read-store transaction opens: the embedded database serves both stores over one
   * connection, so no event-store read can run inside it.
   */
  logReads?(events: readonly RecordedEvent[], committed: CommittedDocuments): Promise<readonly string[]>;
}
