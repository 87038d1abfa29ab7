import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { UnassignPortalRoleCommand } from './unassign-portal-role.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portals')
@Controller('v1/portals')
export class UnassignPortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204. */
  @Delete(':id/roles/:roleId')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Take a role from a portal' })
  @Answers(204, 'Unassigned; a role the portal does not have is 204 too.')
  @Refuses({ 404: '`portal_not_found`.' })
  async unassign(
    @UuidParam('id') id: string,
    @UuidParam('roleId') roleId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new UnassignPortalRoleCommand(id, roleId, ctx));
  }
}
