import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class DeletePortalRoleCommand extends Command<void> {
  constructor(
    readonly roleId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
