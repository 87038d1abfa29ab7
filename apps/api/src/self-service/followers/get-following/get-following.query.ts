import { Query } from '@nestjs/cqrs';
import type { PortalAccess } from '../../../auth/portal-access';
import type { Following } from '../following-view';

/** Whether the portal user follows a record they may read. */
export class GetFollowingQuery extends Query<Following> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
  ) {
    super();
  }
}
