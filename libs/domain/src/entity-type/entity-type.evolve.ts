import type { EntityTypeEvent } from './entity-type.events';
import type { EntityTypeState } from './entity-type.state';

export function evolveEntityType(state: EntityTypeState, event: EntityTypeEvent): EntityTypeState {
  switch (event.type) {
    case 'EntityTypeDefined':
      return { definition: { ...event.data, builtIn: false } };
    default:
      return state;
  }
}
