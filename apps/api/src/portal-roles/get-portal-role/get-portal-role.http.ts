import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { GetPortalRoleQuery } from './get-portal-role.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { portalRoleSchema } from '../portal-role.schemas';

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class GetPortalRoleHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The role with `ETag: "<revision>"`; 404 for an unknown or deleted role. */
  @Get(':id')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Get a portal role' })
  @Answers(200, 'The role.', portalRoleSchema, { etag: true })
  @Refuses({ 404: '`role_not_found`: unknown or deleted.' })
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.queries.execute(new GetPortalRoleQuery(id));
    setEtag(reply, doc.revision);
    return doc;
  }
}
