import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class AssignPortalUserRoleCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly roleId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
