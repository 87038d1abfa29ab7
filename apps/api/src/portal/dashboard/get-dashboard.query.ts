import { Query } from '@nestjs/cqrs';
import type { PortalAccess } from '../../auth/portal-access';

export interface DashboardAnswer {
  /** Whose layout this is: the user's own (set by staff) or the portal's. */
  layout: 'user' | 'portal';
  dashlets: { dashlet: string; options: Record<string, unknown>; data: unknown }[];
}

/** The portal user's home page: each dashlet of the layout with its data, scoped like every read. */
export class GetDashboardQuery extends Query<DashboardAnswer> {
  constructor(readonly access: PortalAccess) {
    super();
  }
}
