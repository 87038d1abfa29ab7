import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODELS, ReadModelNames, StaffUserDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListStaffUsersQuery, type StaffUserList } from './list-staff-users.query';

@QueryHandler(ListStaffUsersQuery)
export class ListStaffUsersHandler implements IQueryHandler<ListStaffUsersQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ list }: ListStaffUsersQuery): Promise<StaffUserList> {
    const { items, total } = await this.readStore.find<StaffUserDoc & Record<string, unknown>>(
      await this.names.collection(READ_MODELS.staffUsers),
      { filter: list.filter, sort: list.sort, offset: list.offset, limit: list.limit },
    );
    return listAnswer(items, total, list);
  }
}
