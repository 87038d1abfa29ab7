import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { GetPortalUserQuery } from './get-portal-user.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { portalUserSchema } from '../portal-user.schemas';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class GetPortalUserHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The user with status and invitations (delivery pending|delivered|failed and why), with ETag. */
  @Get(':id')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Get a portal user' })
  @Answers(
    200,
    'The user with status and invitations (delivery pending, delivered or failed, and why).',
    portalUserSchema,
    { etag: true },
  )
  @Refuses({ 404: '`portal_user_not_found`.' })
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.queries.execute(new GetPortalUserQuery(id));
    setEtag(reply, doc.revision);
    return doc;
  }
}
