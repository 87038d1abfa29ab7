import { Injectable } from '@nestjs/common';
import {
  SYSTEM_ACTOR,
  decideLogout,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type Actor,
} from '@portal/domain';
import { CommandContext, StreamCommands } from '@portal/commands';
import { PortalUserStates } from '../state/portal-user-states';
import type { PortalSessionDoc, SessionEndReason } from './portal-session';
import { PortalSessionStore } from './portal-session-store';

const RECORDED: ReadonlySet<SessionEndReason> = new Set(['logout', 'idle_timeout', 'expired']);

/**
 * Ends a portal session and records it in the user's login history. The command id is derived from
 * the session, so two requests racing to end one session append one PortalUserLoggedOut at most.
 */
@Injectable()
export class SessionTerminator {
  constructor(
    private readonly sessions: PortalSessionStore,
    private readonly users: PortalUserStates,
    private readonly commands: StreamCommands,
  ) {}

  async end(
    session: Pick<PortalSessionDoc, 'id' | 'portalId' | 'portalUserId'>,
    reason: SessionEndReason,
    now: Date,
    options: { actor?: Actor; ctx?: CommandContext } = {},
  ): Promise<void> {
    const ended = await this.sessions.end(session.id, reason, now);
    if (!ended || !RECORDED.has(reason)) return;
    const { state } = await this.users.current(session.portalUserId);
    if (!state.exists) return;
    const logoutReason = reason as 'logout' | 'idle_timeout' | 'expired';
    const events = decideLogout(
      {
        type: 'LogOut',
        portalId: session.portalId,
        sessionId: session.id,
        reason: logoutReason,
        now: now.toISOString(),
      },
      state,
    );
    const ctx =
      options.ctx ??
      new CommandContext(options.actor ?? SYSTEM_ACTOR, { commandId: `end-session:${session.id}`, now });
    await this.commands.handle(
      {
        stream: portalUserStream(session.portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        given: { state },
        expected: 'any',
        decide: () => events,
      },
      ctx,
    );
  }
}
