import { Query } from '@nestjs/cqrs';
import type { PortalDoc } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface PortalList {
  items: PortalDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class ListPortalsQuery extends Query<PortalList> {
  constructor(readonly list: ListQuery) {
    super();
  }
}
