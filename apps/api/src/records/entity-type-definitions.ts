import { Inject, Injectable } from '@nestjs/common';
import {
  entityTypeStream,
  evolveEntityType,
  findBuiltInEntityType,
  fold,
  initialEntityTypeState,
  type EntityTypeDefinition,
  type EntityTypeEvent,
} from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { ProblemException } from '../http/problem';
import { EVENT_STORE } from '../infrastructure/tokens';

const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * Resolves the `{entityType}` of a URL to its definition: built-in, or folded from the custom
 * type's stream. A custom definition never changes once defined (its stream holds one event), so
 * found ones are kept in memory; unknown names are looked up every time (they may be defined later).
 */
@Injectable()
export class EntityTypeDefinitions {
  private readonly custom = new Map<string, EntityTypeDefinition>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(name: string): Promise<EntityTypeDefinition | null> {
    if (!TYPE_NAME.test(name)) return null;
    const builtIn = findBuiltInEntityType(name);
    if (builtIn) return builtIn;
    const known = this.custom.get(name);
    if (known) return known;
    const events = await this.store.readStream(entityTypeStream(name));
    const { definition } = fold(
      evolveEntityType,
      initialEntityTypeState,
      events.map((e) => ({ type: e.type, data: e.data }) as EntityTypeEvent),
    );
    if (definition) this.custom.set(name, definition);
    return definition;
  }

  /** The definition, or 404 `entity_type_not_found`. */
  async require(name: string): Promise<EntityTypeDefinition> {
    const definition = await this.find(name);
    if (!definition) {
      throw ProblemException.of(404, 'entity_type_not_found', `There is no entity type named ${name}.`);
    }
    return definition;
  }
}
