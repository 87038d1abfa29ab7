import { Query } from '@nestjs/cqrs';
import type { CommentDoc } from '@portal/read-models';
import type { FindResult } from '@portal/read-store';
import type { PortalAccess } from '../../../auth/portal-access';

/** The public comments of a record a portal user may read and whose stream they may see. */
export class ListPortalCommentsQuery extends Query<
  FindResult<CommentDoc> & { page: number; perPage: number }
> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly query: Record<string, unknown>,
  ) {
    super();
  }
}
