import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { liveRecordOr404 } from '../live-record';
import { RecordDocuments } from '../record-documents';
import { GetRecordQuery } from './get-record.query';

@QueryHandler(GetRecordQuery)
export class GetRecordHandler implements IQueryHandler<GetRecordQuery, RecordDoc> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly records: RecordDocuments,
  ) {}

  async execute({ entityType, id }: GetRecordQuery): Promise<RecordDoc> {
    await this.definitions.require(entityType);
    return liveRecordOr404(await this.records.get(entityType, id));
  }
}
