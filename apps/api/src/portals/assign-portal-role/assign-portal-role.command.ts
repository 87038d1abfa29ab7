import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';

export class AssignPortalRoleCommand extends Command<void> {
  constructor(
    readonly portalId: string,
    readonly roleId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
