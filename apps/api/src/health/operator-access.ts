import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ServiceConfig } from '@portal/platform';
import { PassportAuthenticator } from '../auth/passport/passport-authenticator';
import { STAFF_JWT } from '../auth/passport/staff-jwt.strategy';
import type { Principal, StaffRole } from '../auth/principal';
import type { PortalRequest } from '../http/request-context';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/** Staff roles that may read the service's internals (/health details, /metrics). */
const OPERATOR_ROLES: StaffRole[] = ['admin', 'auditor'];

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may see how the service runs inside (paths, Redis state, queue sizes, the head position):
 * an admin's or auditor's staff token, or METRICS_TOKEN for scrapers. Anyone else learns only
 * whether it is up.
 */
@Injectable()
export class OperatorAccess {
  private readonly metricsToken: Buffer | undefined;

  constructor(
    private readonly authenticator: PassportAuthenticator,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.metricsToken = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  async allows(request: PortalRequest, reply: FastifyReply): Promise<boolean> {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer /i.test(header)) return false;
    // Compared as digests: equal lengths, and no timing that tells how much of the token matched.
    if (this.metricsToken && timingSafeEqual(digest(header.slice(7).trim()), this.metricsToken)) return true;
    try {
      const principal = await this.authenticator.authenticate<Principal>(STAFF_JWT, request, reply);
      return principal.kind === 'staff' && OPERATOR_ROLES.includes(principal.role);
    } catch {
      return false;
    }
  }
}
