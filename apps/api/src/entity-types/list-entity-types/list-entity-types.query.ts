import { Query } from '@nestjs/cqrs';
import type { EntityTypeDoc } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface EntityTypeList {
  items: EntityTypeDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class ListEntityTypesQuery extends Query<EntityTypeList> {
  constructor(readonly list: ListQuery) {
    super();
  }
}
