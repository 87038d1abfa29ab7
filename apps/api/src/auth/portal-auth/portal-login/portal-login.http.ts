import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { ProblemException } from '../../../http/problem';
import { Ctx } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { clientInfoOf } from '../../client/client-info';
import { portalPasswordLimits } from '../../rate-limit/auth-rate-limits';
import { failureLimited } from '../../rate-limit/failure-limited';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { portalLoginBody, type PortalLoginBody } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { PortalLoginCommand } from './portal-login.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { accessTokenSchema } from '../../../openapi/shared-answers';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class PortalLoginHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Portal user login' })
  @Answers(200, "A portal token for this portal; valid for the portal's token lifetime.", accessTokenSchema)
  @Refuses({
    401: "`invalid_credentials`: wrong password, unknown, deactivated or suspended user, not in this portal, or outside the support period (all alike); `processing_restricted` (right password, processing of the user's data restricted).",
    403: "`consent_required` (right password): the portal requires accepting its terms' current version; log in again with `consentVersion` (named in the problem with `consentUrl`).",
    404: '`portal_not_found`: no active portal with this slug (inactive and unknown alike).',
    429: 'Too many failed attempts for this email or from this address (Retry-After).',
  })
  async login(
    @SlugParam() slug: string,
    @ValidBody(portalLoginBody) body: PortalLoginBody,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const client = clientInfoOf(request);
    const limits = portalPasswordLimits(body.email, client.ip);
    return failureLimited(this.rateLimiter, limits, reply, async () => {
      const token = await this.commands.execute(
        new PortalLoginCommand(slug, body.email, body.password, client, ctx, body.consentVersion ?? null),
      );
      if (token === null) throw ProblemException.of(401, 'invalid_credentials', 'Wrong email or password.');
      return token;
    });
  }
}
