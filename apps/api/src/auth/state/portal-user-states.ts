import { Injectable } from '@nestjs/common';
import {
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { StreamStateCache } from './stream-state-cache';

/** A portal user's state as of now, folded from their stream. */
@Injectable()
export class PortalUserStates {
  constructor(private readonly cache: StreamStateCache) {}

  async current(portalUserId: string): Promise<{ state: PortalUserState; revision: number | 'no-stream' }> {
    return this.cache.current<PortalUserState, PortalUserEvent>(
      portalUserStream(portalUserId),
      evolvePortalUser,
      initialPortalUserState,
    );
  }
}
