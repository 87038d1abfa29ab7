import type { EntityTypeDefinition } from './entity-type.definition';

export interface EntityTypeState {
  /** null until the type is defined. */
  definition: EntityTypeDefinition | null;
}

export const initialEntityTypeState: EntityTypeState = { definition: null };
