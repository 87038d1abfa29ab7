import { Injectable } from '@nestjs/common';
import { SessionTerminator } from '../auth/sessions/session-terminator';
import { PortalSessionStore } from '../auth/sessions/portal-session-store';

/**
 * Ends a portal user's live sessions at once (deactivation, removal from a portal, transfer). The
 * portal guard also refuses them on the next request, as it folds the user's stream each time;
 * ending them here makes the sessions list say so too.
 */
@Injectable()
export class PortalUserSessions {
  constructor(
    private readonly sessions: PortalSessionStore,
    private readonly terminator: SessionTerminator,
  ) {}

  async endAll(portalUserId: string, portalId?: string): Promise<void> {
    const now = new Date();
    for (const session of await this.sessions.liveOf(portalUserId)) {
      if (portalId === undefined || session.portalId === portalId) {
        await this.terminator.end(session, 'user_inactive', now);
      }
    }
  }
}
