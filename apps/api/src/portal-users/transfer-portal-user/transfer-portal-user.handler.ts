import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  decideTransferPortalUser,
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  isDomainError,
  portalUserStream,
} from '@portal/domain';
import { PortalSeats } from '../../shared-streams/portal-seats';
import { PortalUserSessions } from '../portal-user-sessions';
import { TransferPortalUserCommand } from './transfer-portal-user.command';

/**
 * The seat moves: one is taken in the target portal first (409 portal_user_limit; 422
 * portal_not_found), then PortalUserTransferred at the revision read, then the old seat is freed
 * and the sessions in the old portal end. If the transfer cannot be appended, the new seat is freed.
 */
@CommandHandler(TransferPortalUserCommand)
export class TransferPortalUserHandler implements ICommandHandler<TransferPortalUserCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly seats: PortalSeats,
    private readonly sessions: PortalUserSessions,
  ) {}

  async execute({ portalUserId, fromPortalId, toPortalId, ctx }: TransferPortalUserCommand): Promise<void> {
    let seated = false;
    try {
      await this.commands.handle(
        {
          stream: portalUserStream(portalUserId),
          evolve: evolvePortalUser,
          initialState: initialPortalUserState,
          decide: async (state) => {
            const events = decideTransferPortalUser(
              { type: 'TransferPortalUser', fromPortalId, toPortalId },
              state,
            );
            if (!seated) await this.takeSeat(toPortalId, portalUserId, ctx);
            seated = true;
            return events;
          },
        },
        ctx,
      );
    } catch (error) {
      if (seated) await this.seats.release(toPortalId, portalUserId, ctx).catch(() => undefined);
      throw error;
    }
    await this.seats.release(fromPortalId, portalUserId, ctx);
    await this.sessions.endAll(portalUserId, fromPortalId);
  }

  private async takeSeat(portalId: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    try {
      await this.seats.take(portalId, portalUserId, ctx);
    } catch (error) {
      if (isDomainError(error, 'portal_not_found')) {
        throw new DomainError('portal_not_found', 'The target portal does not exist.', 'invalid', [
          { path: '/toPortalId', message: 'no such portal' },
        ]);
      }
      throw error;
    }
  }
}
