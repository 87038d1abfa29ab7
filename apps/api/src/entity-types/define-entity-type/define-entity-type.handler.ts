import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { EntityTypeDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../../infrastructure/tokens';
import { UniqueValues } from '../../shared-streams/unique-values';
import { DefineEntityTypeCommand } from './define-entity-type.command';
import { defineEntityType, type DefineEntityTypePorts } from './define-entity-type.workflow';

const MAX_CUSTOM_TYPES = 1000;

/** POST /v1/entity-types: the workflow in define-entity-type.workflow.ts, the known types read here. */
@CommandHandler(DefineEntityTypeCommand)
export class DefineEntityTypeHandler implements ICommandHandler<DefineEntityTypeCommand> {
  private readonly ports: DefineEntityTypePorts;

  constructor(
    commands: StreamCommands,
    uniques: UniqueValues,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {
    this.ports = { commands, uniques, knownCustomTypes: () => this.knownCustomTypes() };
  }

  execute({ body, ctx }: DefineEntityTypeCommand): Promise<{ id: string; name: string }> {
    return defineEntityType(this.ports, body, ctx);
  }

  private async knownCustomTypes(): Promise<string[]> {
    const { items } = await this.readStore.find<EntityTypeDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.entityTypes),
      { filter: { kind: 'eq', path: 'builtIn', value: false }, limit: MAX_CUSTOM_TYPES },
    );
    return items.map((doc) => doc.name);
  }
}
