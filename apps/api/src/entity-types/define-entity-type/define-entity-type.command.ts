import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { DefineEntityTypeBody } from '../entity-type.schemas';

export class DefineEntityTypeCommand extends Command<{ id: string; name: string }> {
  constructor(
    readonly body: DefineEntityTypeBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
