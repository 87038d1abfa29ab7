import { Query } from '@nestjs/cqrs';
import type { FindResult } from '@portal/read-store';
import type { RecordDoc } from '@portal/read-models';

/** Staff list the live records of a type; `query` is the raw query string (paging, sort, filters). */
export class ListRecordsQuery extends Query<FindResult<RecordDoc> & { page: number; perPage: number }> {
  constructor(
    readonly entityType: string,
    readonly query: Record<string, unknown>,
  ) {
    super();
  }
}
