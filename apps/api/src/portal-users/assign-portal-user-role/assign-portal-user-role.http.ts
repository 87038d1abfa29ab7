import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { roleBody, type RoleBody } from '../portal-user.schemas';
import { AssignPortalUserRoleCommand } from './assign-portal-user-role.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class AssignPortalUserRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 422 role_not_found for an unknown or deleted role. */
  @Post(':id/roles')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Give a portal user a role of their own' })
  @Answers(204, 'Assigned (RoleAssigned).')
  @Refuses({ 404: '`portal_user_not_found`.', 422: '`role_not_found`: unknown or deleted role.' })
  async assign(
    @UuidParam('id') id: string,
    @ValidBody(roleBody) body: RoleBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new AssignPortalUserRoleCommand(id, body.roleId, ctx));
  }
}
