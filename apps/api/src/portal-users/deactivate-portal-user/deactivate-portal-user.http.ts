import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { DeactivatePortalUserCommand } from './deactivate-portal-user.command';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class DeactivatePortalUserHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; the user's sessions end at once and logins are refused. Deactivating twice is 204. */
  @Post(':id/deactivate')
  @HttpCode(204)
  @StaffAuth('admin')
  async deactivate(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new DeactivatePortalUserCommand(id, ctx));
  }
}
