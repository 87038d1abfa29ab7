import { Command } from '@nestjs/cqrs';
import type { PortalUserCommand } from '@portal/domain';
import type { CommandContext } from '@portal/commands';

/** A change decided by the PortalUser aggregate alone (activation, roles, support period...). */
export class ChangePortalUserCommand extends Command<void> {
  constructor(
    readonly portalUserId: string,
    readonly command: PortalUserCommand,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
