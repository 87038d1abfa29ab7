import type { CommandContext, StreamCommands } from '@portal/commands';
import { decidePortalUser, evolvePortalUser, initialPortalUserState, portalUserStream } from '@portal/domain';
import type { PortalSeats } from '../../shared-streams/portal-seats';
import type { PortalUserSessions } from '../portal-user-sessions';

/** What removing a user from a portal works on: the write path, the portal's seats, the user's sessions. */
export interface RemoveFromPortalPorts {
  commands: StreamCommands;
  seats: Pick<PortalSeats, 'release'>;
  sessions: Pick<PortalUserSessions, 'endAll'>;
}

export interface Removal {
  portalId: string;
  portalUserId: string;
}

/**
 * PortalUserRemovedFromPortal first (404 not_in_portal otherwise: nothing else happens), then the
 * seat back and that portal's sessions ended. Nothing is taken before the removal, so there is
 * nothing to undo: once it is appended it stands, whatever fails after (the error surfaces). A
 * seat is not freed on a later not_in_portal: a non-member may hold one for a moment (a transfer
 * into the portal takes the seat before it appends), and freeing it then would overfill the portal.
 */
export async function removeFromPortal(
  ports: RemoveFromPortalPorts,
  { portalId, portalUserId }: Removal,
  ctx: CommandContext,
): Promise<void> {
  await ports.commands.handle(
    {
      stream: portalUserStream(portalUserId),
      evolve: evolvePortalUser,
      initialState: initialPortalUserState,
      decide: (state) => decidePortalUser({ type: 'RemovePortalUserFromPortal', portalId }, state),
    },
    ctx,
  );
  try {
    await ports.seats.release(portalId, portalUserId, ctx);
  } finally {
    // The user is out of the portal: their sessions there end even if the seat could not be freed.
    await ports.sessions.endAll(portalUserId, portalId);
  }
}
