import { Controller, HttpCode, Post } from '@nestjs/common';
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
export class ActivatePortalUserHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204 (PortalUserActivated); activating an active user is 204 too. */
  @Post(':id/activate')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Reactivate a portal user' })
  @Answers(204, 'Active again (PortalUserActivated); an active user is 204 too.')
  @Refuses({ 404: '`portal_user_not_found`.' })
  async activate(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new ChangePortalUserCommand(id, { type: 'ActivatePortalUser' }, ctx));
  }
}
