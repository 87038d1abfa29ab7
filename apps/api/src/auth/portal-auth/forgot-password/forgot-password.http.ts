import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { BlindConsistencyToken } from '../../../http/consistency.interceptor';
import { Ctx } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { clientInfoOf } from '../../client/client-info';
import { FORGOT_PER_EMAIL, FORGOT_PER_IP } from '../../rate-limit/auth-rate-limits';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { forgotPasswordBody, type ForgotPasswordBody } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { ForgotPasswordCommand } from './forgot-password.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class ForgotPasswordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** 202 whether or not the email is known: a reset link is mailed only when it is. */
  @Post('forgot-password')
  @HttpCode(202)
  @BlindConsistencyToken()
  @ApiOperation({ summary: 'Ask for a password reset link' })
  @Answers(
    202,
    'Always, with `X-Consistency-Token: -1`, so nobody learns which emails exist; a link is mailed only when the email is a user of this portal.',
  )
  @Refuses({
    404: '`portal_not_found`: no active portal with this slug (inactive and unknown alike).',
    429: 'Too many requests for this email or from this address (Retry-After).',
  })
  async forgot(
    @SlugParam() slug: string,
    @ValidBody(forgotPasswordBody) body: ForgotPasswordBody,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.rateLimiter.consume(
      [
        { limit: FORGOT_PER_EMAIL, subject: body.email.toLowerCase() },
        { limit: FORGOT_PER_IP, subject: clientInfoOf(request).ip },
      ],
      reply,
    );
    await this.commands.execute(new ForgotPasswordCommand(slug, body.email, ctx));
  }
}
