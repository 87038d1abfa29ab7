import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { setEtag } from '../../../http/etag';
import { CurrentPrincipal } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { PortalCaller } from '../../portal-caller';
import { portalRecordView } from '../../portal-record-view';
import { GetPortalRecordQuery } from './get-portal-record.query';

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
  async get(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const access = await this.caller.access(principal);
    const doc = await this.queries.execute(new GetPortalRecordQuery(access, entityType, id));
    setEtag(reply, doc.revision);
    return portalRecordView(doc, access.perms);
  }
}
