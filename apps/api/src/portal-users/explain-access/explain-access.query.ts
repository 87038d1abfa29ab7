import { Query } from '@nestjs/cqrs';
import type { AccessExplanation, RoleRef } from '@portal/acl';
import type { PortalUserStatus } from '@portal/read-models';

export interface PortalAccessAnswer extends AccessExplanation {
  portalId: string;
  portalSlug: string;
  portalName: string;
  portalIsActive: boolean;
  /** The roles merged for this portal: the portal's, then the user's own. */
  roles: RoleRef[];
}

export interface AccessAnswer {
  portalUserId: string;
  /** Only an active user can use any of this (invited, suspended and deactivated users cannot log in). */
  status: PortalUserStatus;
  entityType: string;
  recordId: string | null;
  portals: PortalAccessAnswer[];
}

export class ExplainAccessQuery extends Query<AccessAnswer> {
  constructor(
    readonly portalUserId: string,
    readonly entityType: string,
    readonly recordId: string | undefined,
    readonly portalId: string | undefined,
  ) {
    super();
  }
}
