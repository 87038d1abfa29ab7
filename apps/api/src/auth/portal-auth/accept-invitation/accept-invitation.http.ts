import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { ProblemException } from '../../../http/problem';
import { Ctx } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { clientInfoOf } from '../../client/client-info';
import { failureLimited } from '../../rate-limit/failure-limited';
import { oneTimeTokenLimits } from '../../rate-limit/one-time-token-limits';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { acceptInvitationBody, type AcceptInvitationBody } from '../portal-auth.schemas';
import { SlugParam } from '../slug-param';
import { AcceptInvitationCommand } from './accept-invitation.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { accessTokenSchema } from '../../../openapi/shared-answers';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class AcceptInvitationHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('accept-invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: set a password and log in' })
  @Answers(200, 'The password is set and the user logged in.', accessTokenSchema)
  @Refuses({
    401: '`login_refused`: accepted, but logging in is not allowed now; `processing_restricted`.',
    403: "`consent_required`: the portal requires accepting its terms' current version (`consentVersion`, `consentUrl` in the problem); nothing was written.",
    404: '`portal_not_found`: no active portal with this slug (inactive and unknown alike).',
    422: '`invitation_invalid`, `invitation_used`, `invitation_expired`, or a password the policy refuses.',
    429: 'Too many failed attempts with one-time tokens from this address (Retry-After).',
  })
  async accept(
    @SlugParam() slug: string,
    @ValidBody(acceptInvitationBody) body: AcceptInvitationBody,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const client = clientInfoOf(request);
    const limits = oneTimeTokenLimits(client.ip, body.token);
    return failureLimited(this.rateLimiter, limits, reply, async () => {
      const token = await this.commands.execute(
        new AcceptInvitationCommand(
          slug,
          body.token,
          body.password,
          client,
          ctx,
          body.consentVersion ?? null,
        ),
      );
      if (token === null) {
        throw ProblemException.of(
          401,
          'login_refused',
          'The invitation was accepted, but logging in is not allowed now.',
        );
      }
      return token;
    });
  }
}
