import type { RecordedEvent } from '@portal/event-store';
import type { Tracked } from '@portal/read-models';
import { AGGREGATE_STATES, type GenerationDocuments } from '../documents/generation-documents';
import type { CollectionSpec } from './projection';
import { actorRef, occurredAt } from './tracking';

/** An aggregate's folded state as the projector keeps it, with who/when from event metadata. */
export interface StoredAggregate<State, Extra = Record<string, never>> extends Tracked {
  /** The stream name. */
  id: string;
  state: State;
  /** What the read model shows beyond the domain state (e.g. invitation send times). */
  extra: Extra;
  [key: string]: unknown;
}

/**
 * Opaque: a state is only ever read by its stream's id, and a replay writes one per stream, so
 * storing it as text saves parsing each into jsonb (PROJECTION_VERSION 8).
 */
export const AGGREGATE_STATES_COLLECTION: CollectionSpec = {
  name: AGGREGATE_STATES,
  indexes: [],
  opaque: true,
};

export interface FoldOptions<Extra> {
  /** False for events that change no user-visible data (logins, comments): modifiedAt/By stay. */
  modifies: boolean;
  initialExtra: Extra;
}

/**
 * Folds the event into its stream's stored state with the domain's evolve function. Returns null
 * when the stream already holds this revision: replaying an event changes nothing.
 */
export async function foldEvent<State, Extra>(
  docs: GenerationDocuments,
  event: RecordedEvent,
  evolve: (state: State, event: { type: string; data: unknown }) => State,
  initial: State,
  options: FoldOptions<Extra>,
): Promise<StoredAggregate<State, Extra> | null> {
  const stored = await docs.get<StoredAggregate<State, Extra>>(AGGREGATE_STATES, event.stream);
  if (stored && event.revision <= stored.revision) return null;
  const at = occurredAt(event);
  const by = actorRef(event.metadata.actor);
  const keep = stored !== null && !options.modifies;
  const next: StoredAggregate<State, Extra> = {
    id: event.stream,
    state: evolve(stored?.state ?? initial, { type: event.type, data: event.data }),
    extra: stored?.extra ?? options.initialExtra,
    createdAt: stored?.createdAt ?? at,
    createdBy: stored?.createdBy ?? by,
    modifiedAt: keep ? stored.modifiedAt : at,
    modifiedBy: keep ? stored.modifiedBy : by,
    revision: event.revision,
  };
  docs.put(AGGREGATE_STATES, next);
  return next;
}

export function getAggregate<State, Extra>(
  docs: GenerationDocuments,
  stream: string,
): Promise<StoredAggregate<State, Extra> | null> {
  return docs.get<StoredAggregate<State, Extra>>(AGGREGATE_STATES, stream);
}

export function putAggregate(docs: GenerationDocuments, aggregate: StoredAggregate<unknown, unknown>): void {
  docs.put(AGGREGATE_STATES, aggregate);
}
