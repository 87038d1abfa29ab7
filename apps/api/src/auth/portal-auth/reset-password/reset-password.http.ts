import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { clientInfoOf } from '../../client/client-info';
import { failureLimited } from '../../rate-limit/failure-limited';
import { oneTimeTokenLimits } from '../../rate-limit/one-time-token-limits';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { resetPasswordBody, type ResetPasswordBody } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { ResetPasswordCommand } from './reset-password.command';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class ResetPasswordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('reset-password')
  @HttpCode(200)
  @ApiOkResponse({ description: '`{ passwordReset: true }`: log in with the new password.' })
  @ApiUnprocessableEntityResponse({ description: '`reset_invalid`, `reset_used`, `reset_expired`.' })
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
