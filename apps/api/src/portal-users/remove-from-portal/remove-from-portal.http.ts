import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { RemoveFromPortalCommand } from './remove-from-portal.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portals')
export class RemoveFromPortalHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204: the user leaves the portal (seat freed, sessions there ended); 404 when not a member. */
  @Delete(':portalId/users/:userId')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Remove a portal user from a portal' })
  @Answers(204, 'Removed: seat freed, sessions in that portal ended.')
  @Refuses({ 404: 'Unknown user or portal, or not a member.' })
  async remove(
    @UuidParam('portalId') portalId: string,
    @UuidParam('userId') userId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new RemoveFromPortalCommand(portalId, userId, ctx));
  }
}
