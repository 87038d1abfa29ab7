import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { PortalDoc } from '@portal/read-models';
import { ProblemException } from '../http/problem';
import { consentRequiredProblem } from '../privacy/consent/consent-terms';
import type { PortalRequest } from '../http/request-context';
import { PassportAuthenticator } from './passport/passport-authenticator';
import { PORTAL_JWT } from './passport/portal-jwt.strategy';
import type { Principal } from './principal';
import { WITHOUT_CONSENT_METADATA } from './without-consent.metadata';

/**
 * `@PortalUserAuth()`: a portal token for the portal of the route's `:slug` with a live session
 * (401 otherwise, staff tokens included); 403 when that portal is inactive. The consent rule lives
 * here, once for every portal-user route: when the portal requires a consent version the user does
 * not hold, 403 consent_required, except on routes marked withoutConsent (accept, withdraw, logout,
 * and the data-subject rights: export, erasure request).
 * Sets request.user (the portal user) and request.portal (its PortalDoc).
 */
@Injectable()
export class PortalUserAuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: PassportAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PortalRequest & { portal?: PortalDoc }>();
    const reply = http.getResponse<FastifyReply>();
    try {
      const principal = await this.authenticator.authenticate<Principal>(PORTAL_JWT, request, reply);
      if (principal.kind !== 'portalUser')
        throw ProblemException.of(401, 'unauthorized', 'Portal token required.');
      if (principal.consentPending) {
        const allowed = this.reflector.getAllAndOverride<boolean>(WITHOUT_CONSENT_METADATA, [
          context.getHandler(),
          context.getClass(),
        ]);
        if (!allowed) throw consentRequiredProblem(request.portal);
      }
      request.user = principal;
      return true;
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 401) {
        void reply.header('WWW-Authenticate', 'Bearer');
      }
      throw error;
    }
  }
}
