import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class UnassignPortalUserRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204 (RoleUnassigned); a role the user does not have is 204 too. */
  @Delete(':id/roles/:roleId')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: "Take a portal user's own role away" })
  @Answers(204, 'Unassigned (RoleUnassigned); a role the user does not have is 204 too.')
  @Refuses({ 404: '`portal_user_not_found`.' })
  async unassign(
    @UuidParam('id') id: string,
    @UuidParam('roleId') roleId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePortalUserCommand(id, { type: 'UnassignPortalUserRole', roleId }, ctx),
    );
  }
}
