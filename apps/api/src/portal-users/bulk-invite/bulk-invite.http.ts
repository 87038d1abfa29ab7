import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import {
  bulkInvitationBody,
  type BulkInvitationBody,
  bulkInvitationResultSchema,
} from '../portal-user.schemas';
import { BulkInviteCommand } from './bulk-invite.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

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
  @ApiOperation({ summary: "Invite contacts (or an account's contacts) to a portal" })
  @Answers(
    200,
    'One result per contact; failures carry a reason and invite nobody else less.',
    bulkInvitationResultSchema,
  )
  @Refuses({
    404: '`portal_not_found`, or the account is unknown.',
    422: 'The portal cannot take invitations.',
    503: '`read_model_behind`: the read models did not reach the head within 5 s (this command decides from them); retry.',
  })
  invite(
    @UuidParam('id') id: string,
    @ValidBody(bulkInvitationBody) body: BulkInvitationBody,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new BulkInviteCommand(id, body, ctx));
  }
}
