import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { and } from '@portal/acl';
import { PortalUserAuth, StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { Principal } from '../../auth/principal';
import { parseListQuery } from '../../http/list-query';
import { CurrentPrincipal } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { shareLinkListSchema } from '../share-link.schemas';
import { SharingAccess } from '../sharing-access';
import { ListShareLinksQuery } from './list-share-links.query';
import { ofRecord, SHARE_LINK_LIST, visibleLinks } from './share-link-list-options';

const PAGE = 'Newest first, with view counts; never a token.';

@ApiTags('share links')
@Controller('v1')
export class ListStaffShareLinksHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Get('records/:entityType/:id/share-links')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: "A record's share links (an agent sees the ones they made)" })
  @Answers(200, PAGE, shareLinkListSchema)
  @Refuses({ 404: '`record_not_found`, `record_deleted`.' })
  @ListQueryParams(SHARE_LINK_LIST)
  async ofRecord(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.sharing.staffRecord(entityType, id, false);
    const filter = and(...visibleLinks(principal), ...ofRecord(entityType, id));
    return this.queries.execute(new ListShareLinksQuery(filter, parseListQuery(query, SHARE_LINK_LIST)));
  }

  @Get('share-links')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Share links by creator (`filter[creatorId]`); an agent sees the ones they made' })
  @Answers(200, PAGE, shareLinkListSchema)
  @ListQueryParams(SHARE_LINK_LIST)
  all(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    const filter = and(...visibleLinks(principal));
    return this.queries.execute(new ListShareLinksQuery(filter, parseListQuery(query, SHARE_LINK_LIST)));
  }
}

@ApiTags('share links')
@Controller('v1/portals/:slug')
export class ListPortalShareLinksHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Get('records/:entityType/:id/share-links')
  @PortalUserAuth()
  @ApiOperation({ summary: 'The share links I made of a record' })
  @Answers(200, PAGE, shareLinkListSchema)
  @Refuses({ 404: 'Not readable, or of a type this portal does not show.' })
  @ListQueryParams(SHARE_LINK_LIST)
  async ofRecord(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.sharing.portalRecord(principal, entityType, id, false);
    const filter = and(...visibleLinks(principal), ...ofRecord(entityType, id));
    return this.queries.execute(new ListShareLinksQuery(filter, parseListQuery(query, SHARE_LINK_LIST)));
  }

  @Get('me/share-links')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Every share link I made in this portal' })
  @Answers(200, PAGE, shareLinkListSchema)
  @ListQueryParams(SHARE_LINK_LIST)
  mine(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    const filter = and(...visibleLinks(principal));
    return this.queries.execute(new ListShareLinksQuery(filter, parseListQuery(query, SHARE_LINK_LIST)));
  }
}
