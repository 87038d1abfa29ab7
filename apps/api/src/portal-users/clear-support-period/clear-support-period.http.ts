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
export class ClearSupportPeriodHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204: no support period, no restriction. */
  @Delete(':id/support-period')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: "Remove a portal user's support period" })
  @Answers(204, 'No support period, no restriction.')
  @Refuses({ 404: '`portal_user_not_found`.' })
  async clear(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new ChangePortalUserCommand(id, { type: 'ClearSupportPeriod' }, ctx));
  }
}
