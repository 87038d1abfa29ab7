import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { CreatePortalUserBody } from '../portal-user.schemas';

export class CreatePortalUserCommand extends Command<{ id: string }> {
  constructor(
    readonly body: CreatePortalUserBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
