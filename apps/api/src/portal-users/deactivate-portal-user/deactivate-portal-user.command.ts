import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class DeactivatePortalUserCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
