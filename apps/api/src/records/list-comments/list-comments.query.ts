import { Query } from '@nestjs/cqrs';
import type { CommentDoc } from '@portal/read-models';
import type { FindResult } from '@portal/read-store';

/** Staff read a record's stream: every comment, internal ones included, oldest first. */
export class ListCommentsQuery extends Query<FindResult<CommentDoc> & { page: number; perPage: number }> {
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly query: Record<string, unknown>,
  ) {
    super();
  }
}
