import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { invitationBody, type InvitationBody } from '../portal-user.schemas';
import { SendInvitationCommand } from './send-invitation.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class SendInvitationHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 202: the email goes out through the mailer (its delivery shows on GET /v1/portal-users/{id}).
   * 422 not_in_portal, user_deactivated, no_email, invalid_email, staff_domain, record_deleted,
   * support_period_ended; 409 already_active.
   */
  @Post(':id/invitations')
  @HttpCode(202)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Send (or resend) an invitation email' })
  @Answers(202, 'The mailer sends it; its delivery shows on GET /v1/portal-users/{id}.')
  @Refuses({
    404: '`portal_user_not_found`.',
    409: '`already_active`.',
    422: '`not_in_portal`, `user_deactivated`, `no_email`, `invalid_email`, `staff_domain`, `record_deleted`, `support_period_ended`.',
  })
  async invite(
    @UuidParam('id') id: string,
    @ValidBody(invitationBody) body: InvitationBody,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new SendInvitationCommand(id, body.portalId, ctx));
  }
}
