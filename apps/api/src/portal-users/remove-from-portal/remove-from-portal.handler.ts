import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { PortalUserSessions } from '../portal-user-sessions';
import { RemoveFromPortalCommand } from './remove-from-portal.command';
import { removeFromPortal, type RemoveFromPortalPorts } from './remove-from-portal.workflow';

/** DELETE /v1/portals/{portalId}/users/{userId}: the workflow in remove-from-portal.workflow.ts. */
@CommandHandler(RemoveFromPortalCommand)
export class RemoveFromPortalHandler implements ICommandHandler<RemoveFromPortalCommand> {
  private readonly ports: RemoveFromPortalPorts;

  constructor(commands: StreamCommands, seats: PortalSeats, sessions: PortalUserSessions) {
    this.ports = { commands, seats, sessions };
  }

  execute({ portalId, portalUserId, ctx }: RemoveFromPortalCommand): Promise<void> {
    return removeFromPortal(this.ports, { portalId, portalUserId }, ctx);
  }
}
