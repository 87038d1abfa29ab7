import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityTypeDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { listAnswer } from '../../http/list-query';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListEntityTypesQuery, type EntityTypeList } from './list-entity-types.query';

/** Built-in and custom types alike: the projector seeds the built-ins into the read model. */
@QueryHandler(ListEntityTypesQuery)
export class ListEntityTypesHandler implements IQueryHandler<ListEntityTypesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ list }: ListEntityTypesQuery): Promise<EntityTypeList> {
    const { items, total } = await this.readStore.find<EntityTypeDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.entityTypes),
      { filter: list.filter, sort: list.sort, offset: list.offset, limit: list.limit },
    );
    return listAnswer(items, total, list);
  }
}
