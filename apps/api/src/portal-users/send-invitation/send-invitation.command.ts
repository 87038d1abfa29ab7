import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';

export class SendInvitationCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly portalId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
