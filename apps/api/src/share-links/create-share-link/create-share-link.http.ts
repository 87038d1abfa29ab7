import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { DEFAULT_PORTAL_SETTINGS, STAFF_SHARE_LINK_MAX_DAYS } from '@portal/domain';
import { PortalUserAuth, StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { Principal } from '../../auth/principal';
import { Ctx, CurrentPrincipal } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { SharingAccess } from '../sharing-access';
import { createdShareLinkSchema, createShareLinkBody, type CreateShareLinkBody } from '../share-link.schemas';
import { CreateShareLinkCommand } from './create-share-link.command';

const CREATED = 'The link, with its token shown this once (only its hash is kept).';

@ApiTags('share links')
@Controller('v1/records')
export class CreateStaffShareLinkHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Post(':entityType/:id/share-links')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Make a share link to a record (at most 90 days)' })
  @Answers(201, CREATED, createdShareLinkSchema)
  @Refuses({
    404: '`record_not_found`, `record_deleted`.',
    422: '`record_internal`, `invalid_share_link_expiry` (past, or beyond 90 days), `invalid_share_link_note`.',
  })
  async create(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(createShareLinkBody) body: CreateShareLinkBody,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    await this.sharing.staffRecord(entityType, id, true);
    const creator = { type: 'staff' as const, id: principal.id };
    return this.commands.execute(
      new CreateShareLinkCommand(creator, entityType, id, STAFF_SHARE_LINK_MAX_DAYS, body, ctx),
    );
  }
}

@ApiTags('share links')
@Controller('v1/portals/:slug/records')
export class CreatePortalShareLinkHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Post(':entityType/:id/share-links')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Share a record I may share with someone without an account' })
  @Answers(201, CREATED, createdShareLinkSchema)
  @Refuses({
    403: '`record_share_forbidden`: no role’s `share` level reaches this record.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
    422: '`invalid_share_link_expiry` (past, or beyond the portal’s `shareLinkMaxDays`), `invalid_share_link_note`.',
  })
  async create(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(createShareLinkBody) body: CreateShareLinkBody,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    const { access } = await this.sharing.portalRecord(principal, entityType, id, true);
    const creator = { type: 'portalUser' as const, id: access.portalUser.id, portalId: access.portal.id };
    const maxDays = access.portal.settings.shareLinkMaxDays ?? DEFAULT_PORTAL_SETTINGS.shareLinkMaxDays;
    return this.commands.execute(new CreateShareLinkCommand(creator, entityType, id, maxDays, body, ctx));
  }
}
