import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { staffRecordView } from '../staff-record-view';
import { GetRecordQuery } from './get-record.query';

@ApiTags('records')
@Controller('v1/records')
export class GetRecordHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The record with `ETag: "<revision>"` (send it back as If-Match on PATCH/DELETE). */
  @Get(':entityType/:id')
  @StaffAuth('admin', 'agent')
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
