import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PortalDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListPortalsQuery, type PortalList } from './list-portals.query';

@QueryHandler(ListPortalsQuery)
export class ListPortalsHandler implements IQueryHandler<ListPortalsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ list }: ListPortalsQuery): Promise<PortalList> {
    const { items, total } = await this.readStore.find<PortalDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portals),
      { filter: list.filter, sort: list.sort, offset: list.offset, limit: list.limit },
    );
    return listAnswer(items, total, list);
  }
}
