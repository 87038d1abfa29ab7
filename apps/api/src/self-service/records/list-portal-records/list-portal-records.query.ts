import { Query } from '@nestjs/cqrs';
import type { PortalAccess } from '../../../auth/portal-access';

/** The records of a type a portal user may read, projected to their readable fields. */
export class ListPortalRecordsQuery extends Query<{
  items: Record<string, unknown>[];
  total: number;
  page: number;
  perPage: number;
}> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly query: Record<string, unknown>,
  ) {
    super();
  }
}
