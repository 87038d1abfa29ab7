import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  SYSTEM_ACTOR,
  decideLogin,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import type { PortalDoc } from '@portal/read-models';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import {
  consentRequiredProblem,
  processingRestrictedProblem,
  requiredConsentVersion,
} from '../../privacy/consent/consent-terms';
import { actingAs } from '../client/acting-context';
import type { ClientInfo } from '../client/client-info';
import { PortalSessionStore } from '../sessions/portal-session-store';
import { signPortalToken, type IssuedToken } from '../tokens/access-token';

/**
 * One login attempt of a known portal user into a portal: the domain's decideLogin says whether it
 * succeeds, the attempt is recorded either way (the login history shows every one), and a success
 * opens a server-side session and signs a token bound to it and to the portal.
 */
@Injectable()
export class PortalSignIn {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly sessions: PortalSessionStore,
    private readonly commands: StreamCommands,
  ) {}

  async attempt(
    state: PortalUserState,
    portal: PortalDoc,
    passwordOk: boolean,
    client: ClientInfo,
    request: CommandContext,
    /** The consent version the login form (or invitation acceptance) accepted, if any. */
    consentAccepted: string | null = null,
  ): Promise<IssuedToken | null> {
    const now = new Date();
    const sessionId = randomUUID();
    const events = decideLogin(
      {
        type: 'LogIn',
        portalId: portal.id,
        passwordOk,
        sessionId,
        ip: client.ip,
        userAgent: client.userAgent,
        now: now.toISOString(),
        consent: { required: requiredConsentVersion(portal), accepted: consentAccepted },
      },
      state,
    );
    // The outcome is last (a ConsentGiven the login accepted comes before it).
    const event = events[events.length - 1];
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(
      request,
      event.type === 'PortalUserLoggedIn'
        ? { type: 'portalUser', id: state.id, name, portalId: portal.id }
        : SYSTEM_ACTOR,
      now,
    );
    const lifetimeSeconds = Math.max(1, Math.round(portal.settings.tokenLifetimeMinutes * 60));
    if (event.type === 'PortalUserLoggedIn') {
      // The session exists before the token does; a failed append leaves only an unused session.
      await this.sessions.start({
        id: sessionId,
        portalUserId: state.id,
        portalId: portal.id,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
        endedAt: null,
        endReason: null,
      });
    }
    // A record of the attempt, whatever else the stream got meanwhile.
    await this.commands.handle(
      {
        stream: portalUserStream(state.id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        given: { state },
        expected: 'any',
        decide: (): PortalUserEvent[] => events,
      },
      acting.ctx,
    );
    acting.report();
    if (event.type === 'PortalUserLoginFailed') {
      // Said only to someone who knew the password (the reasons after it in loginFailureReason).
      if (event.data.reason === 'restricted') throw processingRestrictedProblem();
      if (event.data.reason === 'consent_required') throw consentRequiredProblem(portal);
      return null;
    }
    return signPortalToken(
      this.config.jwtSecret,
      { portalUserId: state.id, portalId: portal.id, sessionId },
      now,
      lifetimeSeconds,
    );
  }
}
