import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { portalRoleBody, type PortalRoleBody } from '../portal.schemas';
import { AssignPortalRoleCommand } from './assign-portal-role.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portals')
@Controller('v1/portals')
export class AssignPortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 422 role_not_found for an unknown or deleted role. */
  @Post(':id/roles')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Give a portal a role (its users all get it)' })
  @Answers(204, 'Assigned (RoleAssigned); assigning it again is 204 too.')
  @Refuses({ 404: '`portal_not_found`.', 422: '`role_not_found`: unknown or deleted role.' })
  async assign(
    @UuidParam('id') id: string,
    @ValidBody(portalRoleBody) body: PortalRoleBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new AssignPortalRoleCommand(id, body.roleId, ctx));
  }
}
