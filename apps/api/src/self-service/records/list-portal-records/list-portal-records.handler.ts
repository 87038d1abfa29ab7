import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { and, isFieldReadable, scopeFilter } from '@portal/acl';
import { listAnswer, parseListQuery } from '../../../http/list-query';
import { RecordDocuments } from '../../../records/record-documents';
import { recordListOptions } from '../../../records/record-list-options';
import { PortalCaller } from '../../portal-caller';
import { portalRecordView } from '../../portal-record-view';
import { ListPortalRecordsQuery } from './list-portal-records.query';

/**
 * One read-store query: the user's read scope AND the list's own filters, paged and sorted by the
 * store. Filters and sorts are offered on readable fields only, so they cannot probe hidden ones.
 */
@QueryHandler(ListPortalRecordsQuery)
export class ListPortalRecordsHandler implements IQueryHandler<ListPortalRecordsQuery> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ access, entityType, query }: ListPortalRecordsQuery) {
    const def = await this.caller.shownType(access, entityType);
    const { ctx, perms, user } = access;
    const readable = (field: string) => isFieldReadable(perms, entityType, field);
    const q = parseListQuery(query, recordListOptions(def, readable, false));
    const result = await this.records.find({
      filter: and(scopeFilter(ctx, perms, user, entityType), q.filter),
      sort: q.sort,
      offset: q.offset,
      limit: q.limit,
    });
    return listAnswer(
      result.items.map((doc) => portalRecordView(doc, perms)),
      result.total,
      q,
    );
  }
}
