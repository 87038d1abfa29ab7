import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';

export class DeletePortalRoleCommand extends Command<void> {
  constructor(
    readonly roleId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
