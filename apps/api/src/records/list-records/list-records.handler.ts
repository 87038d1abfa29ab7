import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and } from '@portal/acl';
import { parseListQuery } from '../../http/list-query';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { RecordDocuments } from '../record-documents';
import { recordListOptions } from '../record-list-options';
import { ListRecordsQuery } from './list-records.query';

@QueryHandler(ListRecordsQuery)
export class ListRecordsHandler implements IQueryHandler<ListRecordsQuery> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ entityType, query }: ListRecordsQuery) {
    const def = await this.definitions.require(entityType);
    const q = parseListQuery(
      query,
      recordListOptions(def, () => true, true),
    );
    const result = await this.records.find({
      filter: and(
        { kind: 'eq', path: 'entityType', value: entityType },
        { kind: 'eq', path: 'deleted', value: false },
        q.filter,
      ),
      sort: q.sort,
      offset: q.offset,
      limit: q.limit,
    });
    return { ...result, page: q.page, perPage: q.perPage };
  }
}
