import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiParam } from '@nestjs/swagger';
import type { PortalDoc } from '@portal/read-models';
import { Refuses } from '../openapi/answers.decorators';
import { PORTAL_USER_SECURITY, STAFF_SECURITY } from '../openapi/security-schemes';
import type { StaffRole } from './principal';
import { StaffAuthGuard } from './staff-auth.guard';
import { PortalUserAuthGuard } from './portal-user-auth.guard';
import { STAFF_ROLES_METADATA } from './staff-roles.metadata';

export { STAFF_ROLES_METADATA };

/**
 * Staff only, with one of these roles (`@StaffAuth('admin')`, `@StaffAuth('admin', 'agent')`).
 * Auditors pass only where 'auditor' is named: they read the audit endpoints and nothing else.
 */
export function StaffAuth(...roles: StaffRole[]) {
  return applyDecorators(
    SetMetadata(STAFF_ROLES_METADATA, roles),
    UseGuards(StaffAuthGuard),
    ApiBearerAuth(STAFF_SECURITY),
    Refuses({
      401: '`unauthorized`: no staff token, or an invalid, expired or revoked one.',
      403: `\`forbidden_role\`: only ${roles.join(', ')} may do this.`,
    }),
  );
}

/**
 * A portal user of the portal named by the route's `:slug`, with a live session: 401 for any bad
 * token or ended session, 403 when the portal is inactive. Sets request.user and request.portal.
 */
export function PortalUserAuth() {
  return applyDecorators(
    UseGuards(PortalUserAuthGuard),
    ApiBearerAuth(PORTAL_USER_SECURITY),
    ApiParam({
      name: 'slug',
      description: "The portal's slug (its token works there only)",
      schema: SLUG_SCHEMA,
    }),
    Refuses({
      401: '`unauthorized`: no portal token for this portal, or an expired, idle or ended session.',
      403: '`portal_inactive`: the portal is switched off.',
    }),
  );
}

const SLUG_SCHEMA = { type: 'string', minLength: 2, maxLength: 64 };

/** `@CurrentPortal() portal: PortalDoc` on routes behind PortalUserAuth. */
export const CurrentPortal = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ portal?: PortalDoc }>().portal,
);
