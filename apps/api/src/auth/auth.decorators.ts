import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { PortalDoc } from '@portal/read-models';
import type { StaffRole } from './principal';
import { StaffAuthGuard } from './staff-auth.guard';
import { PortalUserAuthGuard } from './portal-user-auth.guard';

export const STAFF_ROLES_METADATA = 'portal:staffRoles';

/**
 * Staff only, with one of these roles (`@StaffAuth('admin')`, `@StaffAuth('admin', 'agent')`).
 * Auditors pass only where 'auditor' is named: they read the audit endpoints and nothing else.
 */
export function StaffAuth(...roles: StaffRole[]) {
  return applyDecorators(
    SetMetadata(STAFF_ROLES_METADATA, roles),
    UseGuards(StaffAuthGuard),
    ApiBearerAuth(),
  );
}

/**
 * A portal user of the portal named by the route's `:slug`, with a live session: 401 for any bad
 * token or ended session, 403 when the portal is inactive. Sets request.user and request.portal.
 */
export function PortalUserAuth() {
  return applyDecorators(UseGuards(PortalUserAuthGuard), ApiBearerAuth());
}

/** `@CurrentPortal() portal: PortalDoc` on routes behind PortalUserAuth. */
export const CurrentPortal = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ portal?: PortalDoc }>().portal,
);
