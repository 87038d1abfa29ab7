import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import { PortalCaller } from '../../portal-caller';
import { PortalRecordReads } from '../portal-record-reads';
import { readableOr404 } from '../readable-record';
import { GetPortalRecordQuery } from './get-portal-record.query';

@QueryHandler(GetPortalRecordQuery)
export class GetPortalRecordHandler implements IQueryHandler<GetPortalRecordQuery, RecordDoc> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly records: PortalRecordReads,
  ) {}

  async execute({ access, entityType, id, readModelsAt }: GetPortalRecordQuery): Promise<RecordDoc> {
    await this.caller.shownType(access, entityType);
    return readableOr404(await this.records.record(entityType, id, readModelsAt), access);
  }
}
