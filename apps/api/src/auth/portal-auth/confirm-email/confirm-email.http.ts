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
import { confirmEmailBody, type ConfirmEmailBody } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { ConfirmEmailCommand } from './confirm-email.command';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class ConfirmEmailHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('confirm-email')
  @HttpCode(200)
  @ApiOkResponse({ description: '`{ email }`: the new address is now the login email.' })
  @ApiUnprocessableEntityResponse({ description: '`email_change_invalid`, `email_change_expired`.' })
  async confirm(
    @SlugParam() slug: string,
    @ValidBody(confirmEmailBody) body: ConfirmEmailBody,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const limits = oneTimeTokenLimits(clientInfoOf(request).ip, body.token);
    return failureLimited(this.rateLimiter, limits, reply, async () => {
      return this.commands.execute(new ConfirmEmailCommand(slug, body.token, ctx));
    });
  }
}
