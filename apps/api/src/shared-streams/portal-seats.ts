import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideReleasePortalSeat,
  decideTakePortalSeat,
  evolvePortal,
  initialPortalState,
  portalStream,
} from '@portal/domain';

const portal = { evolve: evolvePortal, initialState: initialPortalState };

/**
 * Seats on a portal (settings.maxUsers): taken and released on the Portal stream at the revision
 * read, so parallel joins cannot exceed the limit (the loser decides again and may get 409
 * portal_user_limit).
 */
export class PortalSeats {
  constructor(private readonly commands: StreamCommands) {}

  /** Throws what taking the seat would throw (404 portal_not_found, 409 portal_user_limit), appends nothing. */
  async assertAvailable(portalId: string, portalUserId: string): Promise<void> {
    const { state } = await this.commands.read(portalStream(portalId), portal);
    decideTakePortalSeat({ portalId, portalUserId }, state);
  }

  async take(portalId: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        ...portal,
        decide: (state) => decideTakePortalSeat({ portalId, portalUserId }, state),
      },
      ctx,
    );
  }

  async release(portalId: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        ...portal,
        decide: (state) => decideReleasePortalSeat({ portalId, portalUserId }, state),
      },
      ctx,
    );
  }
}
