import type { RecordedEvent } from '@portal/event-store';
import {
  BUILT_IN_ENTITY_TYPES,
  entityTypeStream,
  evolveEntityType,
  findBuiltInEntityType,
  initialEntityTypeState,
  SYSTEM_ACTOR,
  type EntityTypeDefinition,
  type EntityTypeEvent,
  type EntityTypeState,
} from '@portal/domain';
import { READ_MODELS, type EntityTypeDoc, type Tracked } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, getAggregate, type StoredAggregate } from './aggregate-states';
import type { Projection } from './projection';
import { trackedOf } from './tracking';

const STREAM = /^entityType-(.+)$/;

/** Built-in types exist before any event: a fixed origin keeps rebuilds identical. */
const BUILT_IN_TRACKING: Tracked = {
  createdAt: '1970-01-01T00:00:00.000Z',
  createdBy: { ...SYSTEM_ACTOR },
  modifiedAt: '1970-01-01T00:00:00.000Z',
  modifiedBy: { ...SYSTEM_ACTOR },
  revision: -1,
};

/** The entity type document; accountLinks/contactLinks (all of them) beside the contract's first ones. */
export function toEntityTypeDoc(def: EntityTypeDefinition, tracked: Tracked): EntityTypeDoc {
  return {
    id: def.name,
    name: def.name,
    builtIn: def.builtIn,
    fields: def.fields.map((f) => ({ ...f })),
    links: def.links.map((l) => ({ ...l })),
    accountLink: def.accountLinks[0] ?? null,
    contactLink: def.contactLinks[0] ?? null,
    accountLinks: [...def.accountLinks],
    contactLinks: [...def.contactLinks],
    ...tracked,
  };
}

/**
 * The definition records of a type are normalised with: a built-in, a defined custom type, or
 * (for a type never defined, which the API does not allow) one without links, so the record is
 * still listed for staff and reachable by no account or contact scope.
 */
export async function definitionOf(docs: GenerationDocuments, name: string): Promise<EntityTypeDefinition> {
  const builtIn = findBuiltInEntityType(name);
  if (builtIn) return builtIn;
  const stored = await getAggregate<EntityTypeState, unknown>(docs, entityTypeStream(name));
  return (
    stored?.state.definition ?? {
      name,
      builtIn: false,
      fields: [],
      links: [],
      accountLinks: [],
      contactLinks: [],
    }
  );
}

/** entity_types: the built-in types from the start, then every EntityTypeDefined. */
export const entityTypesProjection: Projection = {
  name: 'entity_types',
  collections: [{ name: READ_MODELS.entityTypes, indexes: [] }],
  seed(docs: GenerationDocuments): void {
    for (const def of BUILT_IN_ENTITY_TYPES)
      docs.put(READ_MODELS.entityTypes, toEntityTypeDoc(def, BUILT_IN_TRACKING));
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!STREAM.test(event.stream)) return;
    const aggregate: StoredAggregate<EntityTypeState> | null = await foldEvent(
      docs,
      event,
      (state: EntityTypeState, e) => evolveEntityType(state, e as EntityTypeEvent),
      initialEntityTypeState,
      { modifies: true, initialExtra: {} },
    );
    const def = aggregate?.state.definition;
    if (aggregate && def) docs.put(READ_MODELS.entityTypes, toEntityTypeDoc(def, trackedOf(aggregate)));
  },
};
