import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { setEtag } from '../../http/etag';
import { UuidParam } from '../../http/validated.decorators';
import { GetPortalQuery } from './get-portal.query';

@ApiTags('portals')
@Controller('v1/portals')
export class GetPortalHttp {
  constructor(private readonly queries: QueryBus) {}

  /** The portal with `ETag: "<revision>"` (send it back as If-Match on PATCH). */
  @Get(':id')
  @StaffAuth('admin')
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.queries.execute(new GetPortalQuery(id));
    setEtag(reply, doc.revision);
    return doc;
  }
}
