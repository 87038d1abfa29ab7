import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { portalRoleBody, type PortalRoleBody } from '../portal.schemas';
import { AssignPortalRoleCommand } from './assign-portal-role.command';

@ApiTags('portals')
@Controller('v1/portals')
export class AssignPortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 422 role_not_found for an unknown or deleted role. */
  @Post(':id/roles')
  @HttpCode(204)
  @StaffAuth('admin')
  async assign(
    @UuidParam('id') id: string,
    @ValidBody(portalRoleBody) body: PortalRoleBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new AssignPortalRoleCommand(id, body.roleId, ctx));
  }
}
