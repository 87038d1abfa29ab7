import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { GetStaffUserQuery } from './get-staff-user.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { staffUserSchema } from '../staff-user.schemas';

@ApiTags('staff users')
@Controller('v1/staff-users')
export class GetStaffUserHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The staff user with `ETag: "<revision>"`; 404 when unknown. */
  @Get(':id')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Get a staff user' })
  @Answers(200, 'The staff user.', staffUserSchema, { etag: true })
  @Refuses({ 404: '`staff_user_not_found`.' })
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.queries.execute(new GetStaffUserQuery(id));
    setEtag(reply, doc.revision);
    return doc;
  }
}
