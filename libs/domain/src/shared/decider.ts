/**
 * A domain event as the deciders produce it: a type string (never a class name), its data,
 * and the schema version of that data. Ids and metadata are added by the command handler.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Folds one event into the state of an aggregate. Pure. */
export type Evolve<State, Event extends DomainEvent> = (state: State, event: Event) => State;

/** Folds a whole stream, oldest event first. */
export function fold<State, Event extends DomainEvent>(
  evolve: Evolve<State, Event>,
  initial: State,
  events: readonly Event[],
): State {
  return events.reduce(evolve, initial);
}
