import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideTransferPortalUser,
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { PortalSeats } from '../../portals/portal-seats';
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
    private readonly repo: AggregateRepository,
    private readonly seats: PortalSeats,
    private readonly sessions: PortalUserSessions,
  ) {}

  async execute({ portalUserId, fromPortalId, toPortalId, ctx }: TransferPortalUserCommand): Promise<void> {
    const stream = portalUserStream(portalUserId);
    const { state, revision } = await this.repo.load<PortalUserState, PortalUserEvent>(
      stream,
      evolvePortalUser,
      initialPortalUserState,
    );
    const events = decideTransferPortalUser({ type: 'TransferPortalUser', fromPortalId, toPortalId }, state);
    try {
      await this.seats.take(toPortalId, portalUserId, ctx);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'portal_not_found') {
        throw new DomainError('portal_not_found', 'The target portal does not exist.', 'invalid', [
          { path: '/toPortalId', message: 'no such portal' },
        ]);
      }
      throw error;
    }
    try {
      await this.repo.append(stream, events, revision, ctx);
    } catch (error) {
      await this.seats.release(toPortalId, portalUserId, ctx).catch(() => undefined);
      throw error;
    }
    await this.seats.release(fromPortalId, portalUserId, ctx);
    await this.sessions.endAll(portalUserId, fromPortalId);
  }
}
