import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { PortalUserSessions } from '../portal-user-sessions';
import { RemoveFromPortalCommand } from './remove-from-portal.command';

/** PortalUserRemovedFromPortal (404 not_in_portal otherwise), the seat back, that portal's sessions ended. */
@CommandHandler(RemoveFromPortalCommand)
export class RemoveFromPortalHandler implements ICommandHandler<RemoveFromPortalCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly seats: PortalSeats,
    private readonly sessions: PortalUserSessions,
  ) {}

  async execute({ portalId, portalUserId, ctx }: RemoveFromPortalCommand): Promise<void> {
    await this.commands.execute(
      new ChangePortalUserCommand(portalUserId, { type: 'RemovePortalUserFromPortal', portalId }, ctx),
    );
    await this.seats.release(portalId, portalUserId, ctx);
    await this.sessions.endAll(portalUserId, portalId);
  }
}
