import { Query } from '@nestjs/cqrs';
import type { StaffUserDoc } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface StaffUserList {
  items: StaffUserDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class ListStaffUsersQuery extends Query<StaffUserList> {
  constructor(readonly list: ListQuery) {
    super();
  }
}
