import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import { listAnswer } from '../../http/list-query';
import { staffRecordView, staffRecordListSchema } from '../staff-record-view';
import { ListRecordsQuery } from './list-records.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';

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
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'List records of a type' })
  @Answers(200, 'A page of live records, newest first unless sorted.', staffRecordListSchema)
  @ListQueryParams({
    sortable: "The type's scalar fields, `createdAt`, `modifiedAt`.",
    filterable:
      "The type's scalar fields, `createdBy.type` (staff, portalUser, system), `createdBy.id`, `createdInPortalId`.",
  })
  @Refuses({ 404: '`entity_type_not_found`.' })
  async list(@Param('entityType') entityType: string, @Query() query: Record<string, unknown>) {
    const result = await this.queries.execute(new ListRecordsQuery(entityType, query));
    return listAnswer(result.items.map(staffRecordView), result.total, result);
  }
}
