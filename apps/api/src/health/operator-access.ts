import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { bearerMatches, type ServiceConfig } from '@portal/platform';
import { PassportAuthenticator } from '../auth/passport/passport-authenticator';
import { STAFF_JWT } from '../auth/passport/staff-jwt.strategy';
import type { Principal, StaffRole } from '../auth/principal';
import type { PortalRequest } from '../http/request-context';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/** Staff roles that may read the service's internals (/health details, /metrics). */
const OPERATOR_ROLES: StaffRole[] = ['admin', 'auditor'];

/**
 * Who may see how the service runs inside (paths, Redis state, queue sizes, the head position):
 * an admin's or auditor's staff token, or METRICS_TOKEN for scrapers. Anyone else learns only
 * whether it is up.
 */
@Injectable()
export class OperatorAccess {
  constructor(
    private readonly authenticator: PassportAuthenticator,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async allows(request: PortalRequest, reply: FastifyReply): Promise<boolean> {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer /i.test(header)) return false;
    if (bearerMatches(header, this.config.metricsToken)) return true;
    try {
      const principal = await this.authenticator.authenticate<Principal>(STAFF_JWT, request, reply);
      return principal.kind === 'staff' && OPERATOR_ROLES.includes(principal.role);
    } catch {
      return false;
    }
  }
}
