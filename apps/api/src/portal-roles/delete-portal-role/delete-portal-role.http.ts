import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { DeletePortalRoleCommand } from './delete-portal-role.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class DeletePortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; deleting again is also 204. */
  @Delete(':id')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Delete a portal role' })
  @Answers(204, 'Deleted (also when it already was).')
  @Refuses({ 404: '`role_not_found`: never existed.' })
  async delete(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<void> {
    await this.commands.execute(new DeletePortalRoleCommand(id, ctx));
  }
}
