import { Query } from '@nestjs/cqrs';
import type { PortalRoleDoc } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface PortalRoleList {
  items: PortalRoleDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class ListPortalRolesQuery extends Query<PortalRoleList> {
  constructor(readonly list: ListQuery) {
    super();
  }
}
