// Given/then for the EntityType specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { EntityTypeEvent } from '../entity-type.events';
import { evolveEntityType } from '../entity-type.evolve';
import { initialEntityTypeState, type EntityTypeState } from '../entity-type.state';

export { refusal } from '../../shared/testing/refusal';

export function given(...events: EntityTypeEvent[]): EntityTypeState {
  return fold(evolveEntityType, initialEntityTypeState, events);
}
