import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and } from '@portal/acl';
import { PortalRoleDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListPortalRolesQuery, type PortalRoleList } from './list-portal-roles.query';

@QueryHandler(ListPortalRolesQuery)
export class ListPortalRolesHandler implements IQueryHandler<ListPortalRolesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ list }: ListPortalRolesQuery): Promise<PortalRoleList> {
    const { items, total } = await this.readStore.find<PortalRoleDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portalRoles),
      {
        filter: and({ kind: 'eq', path: 'deleted', value: false }, list.filter),
        sort: list.sort,
        offset: list.offset,
        limit: list.limit,
      },
    );
    return listAnswer(items, total, list);
  }
}
