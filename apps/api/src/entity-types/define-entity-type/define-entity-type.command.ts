import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { DefineEntityTypeBody } from '../entity-type.schemas';

export class DefineEntityTypeCommand extends Command<{ id: string; name: string }> {
  constructor(
    readonly body: DefineEntityTypeBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
