import { Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { supportPeriodBody, type SupportPeriodBody } from '../portal-user.schemas';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class SetSupportPeriodHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; both days inclusive (UTC). Logins outside the period are refused. 422 when end < start. */
  @Put(':id/support-period')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: "Set a portal user's support period" })
  @Answers(204, 'Set; both days inclusive (UTC); logins outside it are refused.')
  @Refuses({ 404: '`portal_user_not_found`.', 422: 'End before start.' })
  async set(
    @UuidParam('id') id: string,
    @ValidBody(supportPeriodBody) body: SupportPeriodBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePortalUserCommand(id, { type: 'SetSupportPeriod', start: body.start, end: body.end }, ctx),
    );
  }
}
