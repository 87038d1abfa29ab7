import { Query } from '@nestjs/cqrs';
import type { LoginHistoryDoc } from '@portal/read-models';
import type { ListQuery } from '../../http/list-query';

export interface LoginHistoryList {
  items: LoginHistoryDoc[];
  total: number;
  page: number;
  perPage: number;
}

export class LoginHistoryQuery extends Query<LoginHistoryList> {
  constructor(
    readonly portalUserId: string,
    readonly list: ListQuery,
  ) {
    super();
  }
}
