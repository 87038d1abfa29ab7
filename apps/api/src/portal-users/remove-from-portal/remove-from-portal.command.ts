import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

export class RemoveFromPortalCommand extends Command<void> {
  constructor(
    readonly portalId: string,
    readonly portalUserId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
