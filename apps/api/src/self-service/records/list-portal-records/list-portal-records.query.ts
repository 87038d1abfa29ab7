import { Query } from '@nestjs/cqrs';
import type { PortalAccess } from '../../../auth/portal-access';
import type { ReadModelsAt } from '../../../auth/read-model-cache/checkpoint-cache';
import type { PortalRecordPage } from '../portal-record-reads';

/** The records of a type a portal user may read, projected to their readable fields. */
export class ListPortalRecordsQuery extends Query<PortalRecordPage> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly query: Record<string, unknown>,
    /** Where the read models stood for this request (the principal's): keys the cached page. */
    readonly readModelsAt: ReadModelsAt | undefined,
  ) {
    super();
  }
}
