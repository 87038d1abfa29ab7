import type { DomainEvent } from '../shared/decider';
import type { FieldDefinition, LinkDefinition } from './entity-type.definition';

/** An admin defined a custom entity type; account/contact links are already resolved (defaults applied). */
export type EntityTypeDefined = DomainEvent<
  'EntityTypeDefined',
  {
    name: string;
    fields: FieldDefinition[];
    links: LinkDefinition[];
    accountLinks: string[];
    contactLinks: string[];
  }
>;

export type EntityTypeEvent = EntityTypeDefined;

export const ENTITY_TYPE_EVENT_TYPES = ['EntityTypeDefined'] as const;
