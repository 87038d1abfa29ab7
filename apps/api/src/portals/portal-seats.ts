import { Injectable } from '@nestjs/common';
import {
  decideReleasePortalSeat,
  decideTakePortalSeat,
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import { AggregateRepository } from '../commands/aggregate-repository';
import type { CommandContext } from '../commands/command-context';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Seats on a portal (settings.maxUsers): taken and released on the Portal stream at the revision
 * read, so parallel joins cannot exceed the limit (the loser re-decides and may get 409
 * portal_user_limit).
 */
@Injectable()
export class PortalSeats {
  constructor(private readonly repo: AggregateRepository) {}

  private load(portalId: string) {
    return this.repo.load<PortalState, PortalEvent>(portalStream(portalId), evolvePortal, initialPortalState);
  }

  /** Throws what taking the seat would throw (404 portal_not_found, 409 portal_user_limit), appends nothing. */
  async assertAvailable(portalId: string, portalUserId: string): Promise<void> {
    decideTakePortalSeat({ portalId, portalUserId }, (await this.load(portalId)).state);
  }

  async take(portalId: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    await retryOnConflict(async () => {
      const { state, revision } = await this.load(portalId);
      const events = decideTakePortalSeat({ portalId, portalUserId }, state);
      await this.repo.append(portalStream(portalId), events, revision, ctx);
    });
  }

  async release(portalId: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    await retryOnConflict(async () => {
      const { state, revision } = await this.load(portalId);
      const events = decideReleasePortalSeat({ portalId, portalUserId }, state);
      await this.repo.append(portalStream(portalId), events, revision, ctx);
    });
  }
}
