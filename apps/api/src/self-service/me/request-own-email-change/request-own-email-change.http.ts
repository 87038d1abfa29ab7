import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import { clientInfoOf } from '../../../auth/client/client-info';
import { isPasswordIncorrect } from '../../../auth/passwords/current-password';
import { presentedPasswordSchema } from '../../../auth/passwords/password-policy';
import { portalPasswordLimits } from '../../../auth/rate-limit/auth-rate-limits';
import { failureLimited } from '../../../auth/rate-limit/failure-limited';
import { RateLimiter } from '../../../auth/rate-limit/rate-limiter';
import type { CommandContext } from '@portal/commands';
import { Ctx, CurrentPrincipal } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { emailChangeAnswerSchema, emailChangeBody } from '../../../portal-users/portal-user.schemas';
import {
  answerEmailChange,
  CONFIRMATION_SENT_DESCRIPTION,
} from '../../../portal-users/request-email-change/email-change-answer';
import { RequestEmailChangeCommand } from '../../../portal-users/request-email-change/request-email-change.command';
import type { PortalUserPrincipal } from '../../portal-caller';

const ownEmailChangeBody = emailChangeBody.extend({ password: presentedPasswordSchema });
type OwnEmailChangeBody = z.infer<typeof ownEmailChangeBody>;

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class RequestOwnEmailChangeHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /**
   * The signed-in user changes their own login email, giving their current password. A wrong
   * password counts against the same limits as a failed login for this email and client (429).
   */
  @Post('me/email-change')
  @HttpCode(202)
  @PortalUserAuth()
  @ApiOperation({
    summary: 'Change my login email',
    description:
      'Needs the current password. The confirmation link goes to the new address and leads to this ' +
      'portal. Until it is confirmed the login is suspended: this session (and every other one of ' +
      'the user) ends with this request, and logging in fails with the old and the new address alike.',
  })
  @Answers(202, CONFIRMATION_SENT_DESCRIPTION, emailChangeAnswerSchema)
  @Refuses({
    403: '`password_incorrect`: nothing changed.',
    409: '`email_taken`: another portal user holds the address.',
    422: '`invalid_email`, `staff_domain`, `email_unchanged`.',
    429: 'Too many wrong passwords (or failed logins) for this email or from this address (Retry-After).',
  })
  async request(
    @ValidBody(ownEmailChangeBody) body: OwnEmailChangeBody,
    @CurrentPrincipal() principal: PortalUserPrincipal,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const limits = portalPasswordLimits(principal.email, clientInfoOf(request).ip);
    const outcome = await failureLimited(
      this.rateLimiter,
      limits,
      reply,
      () =>
        this.commands.execute(
          new RequestEmailChangeCommand(
            principal.id,
            body.newEmail,
            { kind: 'self', portalId: principal.portalId, password: body.password },
            ctx,
          ),
        ),
      isPasswordIncorrect,
    );
    return answerEmailChange(outcome, reply);
  }
}
