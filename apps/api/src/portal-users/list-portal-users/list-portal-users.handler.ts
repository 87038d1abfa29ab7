import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and, type RecordFilter } from '@portal/acl';
import { PortalUserDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListPortalUsersQuery, type PortalUserList } from './list-portal-users.query';

@QueryHandler(ListPortalUsersQuery)
export class ListPortalUsersHandler implements IQueryHandler<ListPortalUsersQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ list, portalId, status }: ListPortalUsersQuery): Promise<PortalUserList> {
    const filters: RecordFilter[] = [list.filter];
    if (portalId !== undefined) filters.push({ kind: 'overlaps', path: 'portalIds', values: [portalId] });
    if (status !== undefined) filters.push({ kind: 'eq', path: 'status', value: status });
    const { items, total } = await this.readStore.find<PortalUserDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalUsers),
      { filter: and(...filters), sort: list.sort, offset: list.offset, limit: list.limit },
    );
    return listAnswer(items, total, list);
  }
}
