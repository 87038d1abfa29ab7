import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { PortalUserSessions } from '../portal-user-sessions';
import { TransferPortalUserCommand } from './transfer-portal-user.command';
import { transferPortalUser, type TransferPortalUserPorts } from './transfer-portal-user.workflow';

/** POST /v1/portal-users/{id}/transfer: the workflow in transfer-portal-user.workflow.ts. */
@CommandHandler(TransferPortalUserCommand)
export class TransferPortalUserHandler implements ICommandHandler<TransferPortalUserCommand> {
  private readonly ports: TransferPortalUserPorts;

  constructor(commands: StreamCommands, seats: PortalSeats, sessions: PortalUserSessions) {
    this.ports = { commands, seats, sessions };
  }

  execute({ portalUserId, fromPortalId, toPortalId, ctx }: TransferPortalUserCommand): Promise<void> {
    return transferPortalUser(this.ports, { portalUserId, fromPortalId, toPortalId }, ctx);
  }
}
