import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideTransferPortalUser,
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  isDomainError,
  portalUserStream,
} from '@portal/domain';
import type { PortalSeats } from '../../shared-streams/portal-seats';
import type { PortalUserSessions } from '../portal-user-sessions';

/** What a transfer works on: the write path, the portals' seats, the user's sessions. */
export interface TransferPortalUserPorts {
  commands: StreamCommands;
  seats: Pick<PortalSeats, 'take' | 'release'>;
  sessions: Pick<PortalUserSessions, 'endAll'>;
}

export interface Transfer {
  portalUserId: string;
  fromPortalId: string;
  toPortalId: string;
}

/**
 * The seat moves: the domain decides first (422 same_portal, not_in_portal…: nothing taken), a
 * seat is taken in the target portal (409 portal_user_limit; 422 portal_not_found naming
 * /toPortalId), then PortalUserTransferred at the revision read (a write in between is decided
 * again, on the seat already taken). If the transfer cannot be appended, the new seat is given
 * back. After it, the old seat is freed and the sessions in the old portal end.
 */
export async function transferPortalUser(
  ports: TransferPortalUserPorts,
  { portalUserId, fromPortalId, toPortalId }: Transfer,
  ctx: CommandContext,
): Promise<void> {
  let seated = false;
  try {
    await ports.commands.handle(
      {
        stream: portalUserStream(portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        decide: async (state) => {
          const events = decideTransferPortalUser(
            { type: 'TransferPortalUser', fromPortalId, toPortalId },
            state,
          );
          if (!seated) await takeSeat(ports, toPortalId, portalUserId, ctx);
          seated = true;
          return events;
        },
      },
      ctx,
    );
  } catch (error) {
    if (seated) await ports.seats.release(toPortalId, portalUserId, ctx).catch(() => undefined);
    throw error;
  }
  await ports.seats.release(fromPortalId, portalUserId, ctx);
  await ports.sessions.endAll(portalUserId, fromPortalId);
}

async function takeSeat(
  ports: TransferPortalUserPorts,
  portalId: string,
  portalUserId: string,
  ctx: CommandContext,
): Promise<void> {
  try {
    await ports.seats.take(portalId, portalUserId, ctx);
  } catch (error) {
    if (isDomainError(error, 'portal_not_found')) {
      throw new DomainError('portal_not_found', 'The target portal does not exist.', 'invalid', [
        { path: '/toPortalId', message: 'no such portal' },
      ]);
    }
    throw error;
  }
}
