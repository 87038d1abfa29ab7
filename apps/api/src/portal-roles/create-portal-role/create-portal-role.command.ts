import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { CreatePortalRoleBody } from '../portal-role.schemas';

export class CreatePortalRoleCommand extends Command<{ id: string }> {
  constructor(
    readonly body: CreatePortalRoleBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
