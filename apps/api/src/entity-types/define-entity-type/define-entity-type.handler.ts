import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideDefineEntityType,
  entityTypeStream,
  evolveEntityType,
  initialEntityTypeState,
} from '@portal/domain';
import { EntityTypeDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../../infrastructure/tokens';
import { UniqueValues } from '../../shared-streams/unique-values';
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
    private readonly commands: StreamCommands,
    private readonly uniques: UniqueValues,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ body, ctx }: DefineEntityTypeCommand): Promise<{ id: string; name: string }> {
    const knownCustomTypes = await this.knownCustomTypes();
    let reserved = false;
    try {
      await this.commands.handle(
        {
          stream: entityTypeStream(body.name),
          evolve: evolveEntityType,
          initialState: initialEntityTypeState,
          decide: async (state) => {
            const events = decideDefineEntityType(
              { type: 'DefineEntityType', ...body },
              state,
              knownCustomTypes,
            );
            if (!reserved) await this.uniques.reserve('entityTypeName', body.name, body.name, ctx);
            reserved = true;
            return events;
          },
        },
        ctx,
      );
    } catch (error) {
      if (reserved)
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
