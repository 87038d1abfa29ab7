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
import { confirmEmailBody, type ConfirmEmailBody, emailConfirmedSchema } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { ConfirmEmailCommand } from './confirm-email.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class ConfirmEmailHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('confirm-email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a new login email with the emailed link' })
  @Answers(200, 'The new address is now the login email.', emailConfirmedSchema)
  @Refuses({
    404: '`portal_not_found`: no active portal with this slug (inactive and unknown alike).',
    422: '`email_change_invalid`, `email_change_expired`.',
    429: 'Too many failed attempts with one-time tokens from this address (Retry-After).',
  })
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
