import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class SendInvitationCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly portalId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
