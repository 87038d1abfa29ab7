import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class AssignPortalRoleCommand extends Command<void> {
  constructor(
    readonly portalId: string,
    readonly roleId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
