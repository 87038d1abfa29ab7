import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { clientInfoOf } from '../../client/client-info';
import { failureLimited } from '../../rate-limit/failure-limited';
import { oneTimeTokenLimits } from '../../rate-limit/one-time-token-limits';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { resetPasswordBody, type ResetPasswordBody, passwordResetSchema } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { ResetPasswordCommand } from './reset-password.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class ResetPasswordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with a reset link' })
  @Answers(200, 'Reset: log in with the new password.', passwordResetSchema)
  @Refuses({
    404: '`portal_not_found`: no active portal with this slug (inactive and unknown alike).',
    422: '`reset_invalid`, `reset_used`, `reset_expired`, or a password the policy refuses.',
    429: 'Too many failed attempts with one-time tokens from this address (Retry-After).',
  })
  async reset(
    @SlugParam() slug: string,
    @ValidBody(resetPasswordBody) body: ResetPasswordBody,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const limits = oneTimeTokenLimits(clientInfoOf(request).ip, body.token);
    return failureLimited(this.rateLimiter, limits, reply, async () => {
      await this.commands.execute(new ResetPasswordCommand(slug, body.token, body.password, ctx));
      return { passwordReset: true };
    });
  }
}
