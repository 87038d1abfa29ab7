import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class TransferPortalUserCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly fromPortalId: string,
    readonly toPortalId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
