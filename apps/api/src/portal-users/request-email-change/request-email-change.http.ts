import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { emailChangeAnswerSchema, emailChangeBody, type EmailChangeBody } from '../portal-user.schemas';
import { answerEmailChange, CONFIRMATION_SENT_DESCRIPTION } from './email-change-answer';
import { RequestEmailChangeCommand } from './request-email-change.command';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class RequestEmailChangeHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 202 confirmation sent (user with a password; the link leads to the user's first portal), 200
   * changed at once (user without a password). 404 portal_user_not_found; 409 email_taken; 422
   * invalid_email, staff_domain, email_unchanged, user_deactivated.
   */
  @Post(':id/email-change')
  @HttpCode(202)
  @StaffAuth('admin')
  @ApiOperation({
    summary: "Change a portal user's login email",
    description:
      'A user with a password must confirm the new address through the emailed link (which leads to ' +
      "the user's first portal); a user without a password yet has it changed at once (pending " +
      'invitation links die with the old address: send a new invitation).',
  })
  @Answers(202, CONFIRMATION_SENT_DESCRIPTION, emailChangeAnswerSchema)
  @Answers(200, '`{ status: "changed", email }`: EmailChangeConfirmed at once.', emailChangeAnswerSchema)
  @Refuses({
    404: '`portal_user_not_found`.',
    409: '`email_taken`: another portal user holds the address.',
    422: '`invalid_email`, `staff_domain`, `email_unchanged`, `user_deactivated`.',
  })
  async request(
    @UuidParam('id') id: string,
    @ValidBody(emailChangeBody) body: EmailChangeBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(
      new RequestEmailChangeCommand(id, body.newEmail, { kind: 'staff' }, ctx),
    );
    return answerEmailChange(outcome, reply);
  }
}
