import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { bulkInvitationBody, type BulkInvitationBody } from '../portal-user.schemas';
import { BulkInviteCommand } from './bulk-invite.command';

@ApiTags('portal users')
@Controller('v1/portals')
export class BulkInviteHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 200 `{ results: [{ contactId, status: invited|failed, reason? }] }`; reasons no_email,
   * invalid_email, already_portal_user, staff_domain, portal_user_limit, record_deleted, not_found.
   */
  @Post(':id/invitations/bulk')
  @HttpCode(200)
  @StaffAuth('admin')
  invite(
    @UuidParam('id') id: string,
    @ValidBody(bulkInvitationBody) body: BulkInvitationBody,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new BulkInviteCommand(id, body, ctx));
  }
}
