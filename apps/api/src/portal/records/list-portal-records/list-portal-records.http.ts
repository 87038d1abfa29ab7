import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { CurrentPrincipal } from '../../../http/request-context';
import { PortalCaller } from '../../portal-caller';
import { ListPortalRecordsQuery } from './list-portal-records.query';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class ListPortalRecordsHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
  ) {}

  /**
   * Only records inside the user's read scope, with only readable fields. A type the portal does
   * not show answers 404, as an unknown type does; a shown type the roles do not open is an empty list.
   */
  @Get(':entityType')
  @PortalUserAuth()
  async list(
    @Param('entityType') entityType: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const access = await this.caller.access(principal);
    return this.queries.execute(new ListPortalRecordsQuery(access, entityType, query));
  }
}
