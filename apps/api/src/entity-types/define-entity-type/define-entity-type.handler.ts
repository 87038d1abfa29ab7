import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideDefineEntityType,
  entityTypeStream,
  evolveEntityType,
  initialEntityTypeState,
  type EntityTypeEvent,
  type EntityTypeState,
} from '@portal/domain';
import { EntityTypeDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { READ_STORE } from '../../infrastructure/tokens';
import { UniqueValues } from '../../portals/unique-values';
import { DefineEntityTypeCommand } from './define-entity-type.command';

const MAX_CUSTOM_TYPES = 1000;

/**
 * Decides with the custom types known so far (links may point at them), then reserves the name
 * case-insensitively (`unique-entityTypeName-<name>`: `Invoice` and `invoice` are one name, and
 * of parallel definitions one wins), then appends EntityTypeDefined on `entityType-<Name>`.
 */
@CommandHandler(DefineEntityTypeCommand)
export class DefineEntityTypeHandler implements ICommandHandler<DefineEntityTypeCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly uniques: UniqueValues,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ body, ctx }: DefineEntityTypeCommand): Promise<{ id: string; name: string }> {
    const stream = entityTypeStream(body.name);
    const { state, revision } = await this.repo.load<EntityTypeState, EntityTypeEvent>(
      stream,
      evolveEntityType,
      initialEntityTypeState,
    );
    const events = decideDefineEntityType(
      { type: 'DefineEntityType', ...body },
      state,
      await this.knownCustomTypes(),
    );
    await this.uniques.reserve('entityTypeName', body.name, body.name, ctx);
    try {
      await this.repo.append(stream, events, revision, ctx);
    } catch (error) {
      await this.uniques.release('entityTypeName', body.name, body.name, ctx).catch(() => undefined);
      throw error;
    }
    return { id: body.name, name: body.name };
  }

  private async knownCustomTypes(): Promise<string[]> {
    const { items } = await this.readStore.find<EntityTypeDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.entityTypes),
      { filter: { kind: 'eq', path: 'builtIn', value: false }, limit: MAX_CUSTOM_TYPES },
    );
    return items.map((doc) => doc.name);
  }
}
