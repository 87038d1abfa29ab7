import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem';
import type { PortalRequest } from '../http/request-context';
import { PassportAuthenticator } from './passport/passport-authenticator';
import { PORTAL_JWT } from './passport/portal-jwt.strategy';
import type { Principal } from './principal';

/**
 * `@PortalUserAuth()`: a portal token for the portal of the route's `:slug` with a live session
 * (401 otherwise, staff tokens included); 403 when that portal is inactive.
 * Sets request.user (the portal user) and request.portal (its PortalDoc).
 */
@Injectable()
export class PortalUserAuthGuard implements CanActivate {
  constructor(private readonly authenticator: PassportAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PortalRequest>();
    const reply = http.getResponse<FastifyReply>();
    try {
      const principal = await this.authenticator.authenticate<Principal>(PORTAL_JWT, request, reply);
      if (principal.kind !== 'portalUser')
        throw ProblemException.of(401, 'unauthorized', 'Portal token required.');
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
