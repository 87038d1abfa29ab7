import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem';
import type { PortalRequest } from '../http/request-context';
import { STAFF_ROLES_METADATA } from './staff-roles.metadata';
import { PassportAuthenticator } from './passport/passport-authenticator';
import { STAFF_JWT } from './passport/staff-jwt.strategy';
import type { Principal, StaffRole } from './principal';

/**
 * `@StaffAuth(...roles)`: a valid staff token (401 otherwise, portal tokens included) of an active
 * staff user whose current role is one of the route's (403 otherwise).
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: PassportAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PortalRequest>();
    const reply = http.getResponse<FastifyReply>();
    let principal: Principal;
    try {
      principal = await this.authenticator.authenticate<Principal>(STAFF_JWT, request, reply);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 401) {
        void reply.header('WWW-Authenticate', 'Bearer');
      }
      throw error;
    }
    if (principal.kind !== 'staff') throw ProblemException.of(401, 'unauthorized', 'Staff token required.');
    const roles =
      this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (roles.length > 0 && !roles.includes(principal.role)) {
      throw ProblemException.of(403, 'forbidden_role', `This needs the role ${roles.join(' or ')}.`);
    }
    request.user = principal;
    return true;
  }
}
