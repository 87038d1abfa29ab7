import { Query } from '@nestjs/cqrs';
import type { PortalUserDoc, PortalUserStatus } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface PortalUserList {
  items: PortalUserDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class ListPortalUsersQuery extends Query<PortalUserList> {
  constructor(
    readonly list: ListQuery,
    readonly portalId: string | undefined,
    readonly status: PortalUserStatus | undefined,
  ) {
    super();
  }
}
