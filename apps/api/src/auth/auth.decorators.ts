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
import { WITHOUT_CONSENT_METADATA } from './without-consent.metadata';

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
 * token or ended session, 403 when the portal is inactive, or requires a consent version the user
 * does not hold (`withoutConsent`: the few routes that accept consent, end the session, or serve a
 * data-subject right: export, erasure request).
 * Sets request.user and request.portal.
 */
export function PortalUserAuth(options: { withoutConsent?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(WITHOUT_CONSENT_METADATA, options.withoutConsent === true),
    UseGuards(PortalUserAuthGuard),
    ApiBearerAuth(PORTAL_USER_SECURITY),
    ApiParam({
      name: 'slug',
      description: "The portal's slug (its token works there only)",
      schema: SLUG_SCHEMA,
    }),
    Refuses({
      401: '`unauthorized`: no portal token for this portal, or an expired, idle or ended session.',
      403: options.withoutConsent
        ? '`portal_inactive`: the portal is switched off.'
        : "`portal_inactive`: the portal is switched off; `consent_required`: the portal requires accepting its terms' current version first (`consentVersion`, `consentUrl` in the problem).",
    }),
  );
}

const SLUG_SCHEMA = { type: 'string', minLength: 2, maxLength: 64 };

/** `@CurrentPortal() portal: PortalDoc` on routes behind PortalUserAuth. */
export const CurrentPortal = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ portal?: PortalDoc }>().portal,
);
