import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and, canStream } from '@portal/acl';
import { parseListQuery } from '../../../http/list-query';
import { ProblemException } from '../../../http/problem';
import { COMMENT_LIST_OPTIONS } from '../../../records/comment-list-options';
import { RecordDocuments } from '../../../records/record-documents';
import { PortalCaller } from '../../portal-caller';
import { readableOr404 } from '../../records/readable-record';
import { ListPortalCommentsQuery } from './list-portal-comments.query';

/** 404 when the record is not readable, 403 when it is but the stream level does not reach it; internal comments never. */
@QueryHandler(ListPortalCommentsQuery)
export class ListPortalCommentsHandler implements IQueryHandler<ListPortalCommentsQuery> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ access, entityType, id, query }: ListPortalCommentsQuery) {
    await this.caller.shownType(access, entityType);
    const record = readableOr404(await this.records.get(entityType, id), access);
    if (!canStream(access.ctx, access.perms, access.user, record)) {
      throw ProblemException.of(403, 'record_stream_forbidden', "You may not see this record's stream.");
    }
    const q = parseListQuery(query, COMMENT_LIST_OPTIONS);
    const result = await this.records.comments({
      filter: and(
        { kind: 'eq', path: 'recordId', value: id },
        { kind: 'eq', path: 'entityType', value: entityType },
        { kind: 'eq', path: 'isInternal', value: false },
      ),
      sort: q.sort,
      offset: q.offset,
      limit: q.limit,
    });
    return { ...result, page: q.page, perPage: q.perPage };
  }
}
