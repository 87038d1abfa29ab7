import { Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { ChangePortalUserCommand } from '../change-portal-user/change-portal-user.command';
import { supportPeriodBody, type SupportPeriodBody } from '../portal-user.schemas';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class SetSupportPeriodHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; both days inclusive (UTC). Logins outside the period are refused. 422 when end < start. */
  @Put(':id/support-period')
  @HttpCode(204)
  @StaffAuth('admin')
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
