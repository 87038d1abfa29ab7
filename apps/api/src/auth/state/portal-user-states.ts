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

  /** `known`: the stream's revision read during this request, if it was (StreamStateCache.current). */
  async current(
    portalUserId: string,
    known?: number | null,
  ): Promise<{ state: PortalUserState; revision: number | 'no-stream' }> {
    return this.cache.current<PortalUserState, PortalUserEvent>(
      portalUserStream(portalUserId),
      evolvePortalUser,
      initialPortalUserState,
      known,
    );
  }
}
