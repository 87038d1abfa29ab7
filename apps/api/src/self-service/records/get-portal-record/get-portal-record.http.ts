import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { setEtag } from '../../../http/etag';
import { CurrentPrincipal } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { PortalCaller, readModelsAtOf } from '../../portal-caller';
import { portalRecordView, portalRecordSchema } from '../../portal-record-view';
import { GetPortalRecordQuery } from './get-portal-record.query';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class GetPortalRecordHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
  ) {}

  /** The record's readable fields with `ETag`; 404 (never 403) for anything the user may not read. */
  @Get(':entityType/:id')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Get a record I may read' })
  @Answers(200, 'Only the fields my roles let me read.', portalRecordSchema, { etag: true })
  @Refuses({ 404: 'Not readable, or of a type this portal does not show (never 403).' })
  async get(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.caller.access(principal);
    const doc = await this.queries.execute(
      new GetPortalRecordQuery(access, entityType, id, readModelsAtOf(principal)),
    );
    setEtag(reply, doc.revision);
    return portalRecordView(doc, access.perms);
  }
}
