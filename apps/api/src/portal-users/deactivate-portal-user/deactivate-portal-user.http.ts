import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { DeactivatePortalUserCommand } from './deactivate-portal-user.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class DeactivatePortalUserHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; the user's sessions end at once and logins are refused. Deactivating twice is 204. */
  @Post(':id/deactivate')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Deactivate a portal user' })
  @Answers(204, 'Deactivated: sessions end at once, logins are refused; twice is 204 too.')
  @Refuses({ 404: '`portal_user_not_found`.' })
  async deactivate(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new DeactivatePortalUserCommand(id, ctx));
  }
}
