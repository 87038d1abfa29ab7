import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { CurrentPrincipal } from '../../../http/request-context';
import { PortalCaller, readModelsAtOf } from '../../portal-caller';
import { PortalRecordReads } from '../portal-record-reads';
import { ListPortalRecordsQuery } from './list-portal-records.query';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { portalRecordListSchema } from '../../portal-record-view';
import { ListQueryParams } from '../../../openapi/list-query.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class ListPortalRecordsHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
    private readonly records: PortalRecordReads,
  ) {}

  /**
   * Only records inside the user's read scope, with only readable fields. A type the portal does
   * not show answers 404, as an unknown type does; a shown type the roles do not open is an empty list.
   */
  @Get(':entityType')
  @PortalUserAuth()
  @ApiOperation({ summary: 'List the records I may read' })
  @Answers(
    200,
    'A page of records inside my read scope, with only the fields I may read.',
    portalRecordListSchema,
  )
  @ListQueryParams({
    sortable: "The type's readable scalar fields, `createdAt`, `modifiedAt`.",
    filterable: "The type's readable scalar fields.",
  })
  @Refuses({ 404: 'A type this portal does not show, or an unknown one (alike).' })
  async list(
    @Param('entityType') entityType: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const access = await this.caller.access(principal);
    const page = await this.queries.execute(
      new ListPortalRecordsQuery(access, entityType, query, readModelsAtOf(principal)),
    );
    // A kept page is sent as the JSON written when it was read, not serialised again per request.
    void reply.type('application/json; charset=utf-8');
    return this.records.json(page);
  }
}
