import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { GetPortalQuery } from './get-portal.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { portalSchema } from '../portal.schemas';

@ApiTags('portals')
@Controller('v1/portals')
export class GetPortalHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The portal with `ETag: "<revision>"` (send it back as If-Match on PATCH). */
  @Get(':id')
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Get a portal' })
  @Answers(200, 'The portal.', portalSchema, { etag: true })
  @Refuses({ 404: '`portal_not_found`.' })
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.queries.execute(new GetPortalQuery(id));
    setEtag(reply, doc.revision);
    return doc;
  }
}
