import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { hasRequiredConsent, mayUsePortal, portalUserStream } from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { ProblemException } from '../../http/problem';
import { requiredConsentVersion } from '../../privacy/consent/consent-terms';
import type { PortalRequest } from '../../http/request-context';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import type { Principal } from '../principal';
import { PortalDirectory } from '../portal-directory/portal-directory';
import { judgeSession } from '../sessions/portal-session';
import { PortalSessionStore } from '../sessions/portal-session-store';
import { SessionTerminator } from '../sessions/session-terminator';
import { PortalUserStates } from '../state/portal-user-states';
import {
  ACCESS_TOKEN_ALGORITHMS,
  accessTokenKey,
  hasRequiredClaims,
  portalAudience,
} from '../tokens/access-token';
import { CachedJwtStrategy } from './cached-jwt.strategy';
import { NO_GLOBAL_PASSPORT, PassportAuthenticator, unauthorized } from './passport-authenticator';
import type { PortalDoc } from '@portal/read-models';

export const PORTAL_JWT = 'portal-jwt';

type SlugRequest = PortalRequest & { params: { slug?: string }; portal?: PortalDoc };

/**
 * Portal user bearer tokens: HS256 only, `exp` required, audience `portal:<id>` of the portal the
 * route's `:slug` names, and a live server-side session. The user's state is checked against the
 * event store on every request (not read from the lagging read model), so a deactivation, a removal
 * from the portal or an email change locks the user out with the very next request.
 */
@Injectable()
export class PortalJwtStrategy extends PassportStrategy(CachedJwtStrategy) {
  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly portals: PortalDirectory,
    private readonly sessions: PortalSessionStore,
    private readonly terminator: SessionTerminator,
    private readonly users: PortalUserStates,
    authenticator: PassportAuthenticator,
  ) {
    super({
      key: accessTokenKey(config.jwtSecret),
      algorithms: [...ACCESS_TOKEN_ALGORITHMS],
      passReqToCallback: true,
    });
    authenticator.use(PORTAL_JWT, this);
  }

  getPassportInstance() {
    return NO_GLOBAL_PASSPORT;
  }

  async validate(request: SlugRequest, payload: unknown): Promise<Principal> {
    if (!hasRequiredClaims(payload) || !payload.aud.startsWith('portal:')) throw unauthorized();
    const sessionId = (payload as { sid?: unknown }).sid;
    if (typeof sessionId !== 'string') throw unauthorized();
    const slug = request.params?.slug;
    if (typeof slug !== 'string') throw unauthorized();
    // The session always comes fresh from the store (a logout, an idle timeout or a password reset
    // ends it there); the same statement says where the read models stand, which keys the cached
    // portal and access context (CheckpointCache), and, where the read store shares the event
    // store's database, the user stream's last revision: the folded state kept at that revision is
    // then current without reading the stream (StreamStateCache.current says why that is exact).
    // A deactivation, removal, email change or support-period change is an event on that stream,
    // committed before its command's 2xx, so the very next request in any process reads a newer
    // revision and folds it. The checks keep their order.
    const { session, readModelsAt, streamRevision } = await this.sessions.getWithReadModels(
      sessionId,
      portalUserStream(payload.sub),
    );
    const portal = await this.portals.bySlug(slug, readModelsAt);
    if (portal === null || payload.aud !== portalAudience(portal.id)) throw unauthorized();
    if (!portal.isActive) throw ProblemException.of(403, 'portal_inactive', 'This portal is not active.');

    const now = new Date();
    if (session === null) throw unauthorized();
    const verdict = judgeSession(
      session,
      { portalUserId: payload.sub, portalId: portal.id },
      now,
      portal.settings.idleTimeoutMinutes,
    );
    if (verdict.kind === 'idle' || verdict.kind === 'expired') {
      await this.terminator.end(session, verdict.kind === 'idle' ? 'idle_timeout' : 'expired', now);
      throw unauthorized('The session has ended.');
    }
    if (verdict.kind !== 'live') throw unauthorized('The session has ended.');

    const { state } = await this.users.current(payload.sub, streamRevision);
    if (!mayUsePortal(state, portal.id, now.toISOString())) {
      await this.terminator.end(session, 'user_inactive', now);
      throw unauthorized('The session has ended.');
    }
    if (verdict.touch) await this.sessions.touch(session, now);

    request.portal = portal;
    const consentPending = !hasRequiredConsent(state, portal.id, requiredConsentVersion(portal));
    return {
      ...(consentPending ? { consentPending: true as const } : {}),
      kind: 'portalUser',
      id: state.id,
      name: `${state.firstName} ${state.lastName}`.trim(),
      email: state.email,
      portalId: portal.id,
      portalSlug: portal.slug,
      sessionId,
      readModelsAt,
    };
  }
}
