import type { DomainEvent, Evolve } from '@portal/domain';
import type { EventStore, RecordedEvent } from '@portal/event-store';

/** A stream folded into its aggregate's state. */
export interface StreamState<State> {
  state: State;
  /** Revision of the stream's last event, or 'no-stream'. */
  revision: number | 'no-stream';
}

export interface ReadStreamState<State> extends StreamState<State> {
  /** The events folded, as stored. */
  events: readonly RecordedEvent[];
}

/** How an aggregate is rebuilt from its events. */
export interface StateFold<State, E extends DomainEvent> {
  evolve: Evolve<State, E>;
  initialState: State;
}

/** Reads a whole stream and folds it. */
export async function readStreamState<State, E extends DomainEvent>(
  store: EventStore,
  stream: string,
  fold: StateFold<State, E>,
): Promise<ReadStreamState<State>> {
  const events = await store.readStream(stream);
  const state = events.reduce(
    (s, e) => fold.evolve(s, { type: e.type, data: e.data } as E),
    fold.initialState,
  );
  return { state, revision: events.length === 0 ? 'no-stream' : events[events.length - 1].revision, events };
}
