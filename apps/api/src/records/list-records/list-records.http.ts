import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { listAnswer } from '../../http/list-query';
import { staffRecordView } from '../staff-record-view';
import { ListRecordsQuery } from './list-records.query';

@ApiTags('records')
@Controller('v1/records')
export class ListRecordsHttp {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Live records of a type, newest first by default. Sort and filter by the type's scalar fields,
   * `createdAt`/`modifiedAt`, and who made them: `filter[createdBy.type]=portalUser`,
   * `filter[createdBy.id]=…`, `filter[createdInPortalId]=…`.
   */
  @Get(':entityType')
  @StaffAuth('admin', 'agent')
  @ApiQuery({ name: 'filter[createdBy.type]', required: false, enum: ['staff', 'portalUser', 'system'] })
  async list(@Param('entityType') entityType: string, @Query() query: Record<string, unknown>) {
    const result = await this.queries.execute(new ListRecordsQuery(entityType, query));
    return listAnswer(result.items.map(staffRecordView), result.total, result);
  }
}
