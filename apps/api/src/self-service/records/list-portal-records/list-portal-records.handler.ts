import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { KeptListQueries } from '../../../http/kept-list-queries';
import { PortalCaller } from '../../portal-caller';
import { PortalRecordReads } from '../portal-record-reads';
import { ListPortalRecordsQuery } from './list-portal-records.query';
import { PortalListOptions } from './portal-list-options';

/**
 * One read-store query: the user's read scope AND the list's own filters, paged and sorted by the
 * store (or its answer kept while the records have not moved: PortalRecordReads). Filters and
 * sorts are offered on readable fields only, so they cannot probe hidden ones.
 */
@QueryHandler(ListPortalRecordsQuery)
export class ListPortalRecordsHandler implements IQueryHandler<ListPortalRecordsQuery> {
  private readonly listOptions = new PortalListOptions();
  private readonly listQueries = new KeptListQueries();

  constructor(
    private readonly caller: PortalCaller,
    private readonly records: PortalRecordReads,
  ) {}

  async execute({ access, entityType, query, readModelsAt }: ListPortalRecordsQuery) {
    const def = await this.caller.shownType(access, entityType);
    const q = this.listQueries.parse(query, this.listOptions.of(def, entityType, access.perms));
    return this.records.page(access, entityType, q, readModelsAt);
  }
}
