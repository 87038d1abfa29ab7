import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';

export class DeactivatePortalUserCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
