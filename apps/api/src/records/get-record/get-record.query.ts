import { Query } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';

/** Staff read one live record. */
export class GetRecordQuery extends Query<RecordDoc> {
  constructor(
    readonly entityType: string,
    readonly id: string,
  ) {
    super();
  }
}
