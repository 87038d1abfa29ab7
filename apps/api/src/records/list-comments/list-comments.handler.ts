import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and } from '@portal/acl';
import { parseListQuery } from '../../http/list-query';
import { COMMENT_LIST_OPTIONS } from '../comment-list-options';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { liveRecordOr404 } from '../live-record';
import { RecordDocuments } from '../record-documents';
import { ListCommentsQuery } from './list-comments.query';

@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ entityType, id, query }: ListCommentsQuery) {
    await this.definitions.require(entityType);
    const q = parseListQuery(query, COMMENT_LIST_OPTIONS);
    liveRecordOr404(await this.records.get(entityType, id));
    const result = await this.records.comments({
      filter: and(
        { kind: 'eq', path: 'recordId', value: id },
        { kind: 'eq', path: 'entityType', value: entityType },
      ),
      sort: q.sort,
      offset: q.offset,
      limit: q.limit,
    });
    return { ...result, page: q.page, perPage: q.perPage };
  }
}
