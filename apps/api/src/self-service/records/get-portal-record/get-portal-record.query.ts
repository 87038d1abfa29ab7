import { Query } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../../auth/portal-access';

/** One record a portal user may read. */
export class GetPortalRecordQuery extends Query<RecordDoc> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
  ) {
    super();
  }
}
