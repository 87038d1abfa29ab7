import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityTypeDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { GetEntityTypeQuery } from './get-entity-type.query';

@QueryHandler(GetEntityTypeQuery)
export class GetEntityTypeHandler implements IQueryHandler<GetEntityTypeQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ name }: GetEntityTypeQuery): Promise<EntityTypeDoc> {
    const doc = await this.readStore.get<EntityTypeDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.entityTypes),
      name,
    );
    if (doc === null) throw ProblemException.of(404, 'entity_type_not_found', `No entity type ${name}.`);
    return doc;
  }
}
