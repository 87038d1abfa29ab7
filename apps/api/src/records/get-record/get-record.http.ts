import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { staffRecordView, staffRecordSchema } from '../staff-record-view';
import { GetRecordQuery } from './get-record.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class GetRecordHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The record with `ETag: "<revision>"` (send it back as If-Match on PATCH/DELETE). */
  @Get(':entityType/:id')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Get a record' })
  @Answers(200, 'Every field, who created and last changed it, and the revision.', staffRecordSchema, {
    etag: true,
  })
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.' })
  async get(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = await this.queries.execute(new GetRecordQuery(entityType, id));
    setEtag(reply, doc.revision);
    return staffRecordView(doc);
  }
}
