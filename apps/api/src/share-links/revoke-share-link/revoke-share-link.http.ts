import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { PortalUserAuth, StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { Principal } from '../../auth/principal';
import { Ctx, CurrentPrincipal } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { SharingAccess } from '../sharing-access';
import { RevokeShareLinkCommand } from './revoke-share-link.command';

const REVOKED = 'Revoked: the link answers 404 from now on (revoking again changes nothing).';

@ApiTags('share links')
@Controller('v1/records')
export class RevokeStaffShareLinkHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Delete(':entityType/:id/share-links/:linkId')
  @HttpCode(204)
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Revoke any share link of a record' })
  @Answers(204, REVOKED)
  @Refuses({
    404: '`record_not_found`, `record_deleted`, `share_link_not_found` (or a link of another record).',
  })
  async revoke(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('linkId') linkId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.sharing.staffRecord(entityType, id, false);
    await this.commands.execute(new RevokeShareLinkCommand(linkId, { entityType, recordId: id }, ctx));
  }
}

@ApiTags('share links')
@Controller('v1/portals/:slug/records')
export class RevokePortalShareLinkHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly sharing: SharingAccess,
  ) {}

  @Delete(':entityType/:id/share-links/:linkId')
  @HttpCode(204)
  @PortalUserAuth()
  @ApiOperation({ summary: 'Revoke a share link I made' })
  @Answers(204, REVOKED)
  @Refuses({ 404: 'Record not readable, or no link of mine on it with this id.' })
  async revoke(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @UuidParam('linkId') linkId: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.sharing.portalRecord(principal, entityType, id, false);
    await this.commands.execute(
      new RevokeShareLinkCommand(linkId, { entityType, recordId: id, creatorId: principal.id }, ctx),
    );
  }
}
