import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import { RecordDocuments } from '../../../records/record-documents';
import { PortalCaller } from '../../portal-caller';
import { readableOr404 } from '../readable-record';
import { GetPortalRecordQuery } from './get-portal-record.query';

@QueryHandler(GetPortalRecordQuery)
export class GetPortalRecordHandler implements IQueryHandler<GetPortalRecordQuery, RecordDoc> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ access, entityType, id }: GetPortalRecordQuery): Promise<RecordDoc> {
    await this.caller.shownType(access, entityType);
    return readableOr404(await this.records.get(entityType, id), access);
  }
}
