import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { PortalUserSessions } from '../portal-user-sessions';
import { DeactivatePortalUserCommand } from './deactivate-portal-user.command';

/** PortalUserDeactivated, then every live session of the user ends. */
@CommandHandler(DeactivatePortalUserCommand)
export class DeactivatePortalUserHandler implements ICommandHandler<DeactivatePortalUserCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly sessions: PortalUserSessions,
  ) {}

  async execute({ portalUserId, ctx }: DeactivatePortalUserCommand): Promise<void> {
    await this.commands.execute(
      new ChangePortalUserCommand(portalUserId, { type: 'DeactivatePortalUser' }, ctx),
    );
    await this.sessions.endAll(portalUserId);
  }
}
