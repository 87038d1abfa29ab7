import { Query } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../../auth/portal-access';
import type { ReadModelsAt } from '../../../auth/read-model-cache/checkpoint-cache';

/** One record a portal user may read. */
export class GetPortalRecordQuery extends Query<RecordDoc> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    /** Where the read models stood for this request (the principal's): keys the cached record. */
    readonly readModelsAt: ReadModelsAt | undefined,
  ) {
    super();
  }
}
