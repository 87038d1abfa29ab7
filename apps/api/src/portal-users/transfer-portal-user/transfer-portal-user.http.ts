import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { transferBody, type TransferBody } from '../portal-user.schemas';
import { TransferPortalUserCommand } from './transfer-portal-user.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class TransferPortalUserHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 409 portal_user_limit / already_in_portal; 422 not_in_portal / same_portal / portal_not_found. */
  @Post(':id/transfer')
  @HttpCode(204)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Move a portal user from one portal to another' })
  @Answers(204, 'Transferred.')
  @Refuses({
    404: '`portal_user_not_found`.',
    409: '`portal_user_limit`, `already_in_portal`.',
    422: '`not_in_portal`, `same_portal`, `portal_not_found`.',
  })
  async transfer(
    @UuidParam('id') id: string,
    @ValidBody(transferBody) body: TransferBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new TransferPortalUserCommand(id, body.fromPortalId, body.toPortalId, ctx));
  }
}
