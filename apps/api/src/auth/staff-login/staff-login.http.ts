import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CommandContext } from '@portal/commands';
import { ProblemException } from '../../http/problem';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { clientInfoOf } from '../client/client-info';
import { presentedPasswordSchema } from '../passwords/password-policy';
import { LOGIN_PER_EMAIL, LOGIN_PER_IP } from '../rate-limit/auth-rate-limits';
import { failureLimited } from '../rate-limit/failure-limited';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { StaffLoginCommand } from './staff-login.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { accessTokenSchema } from '../../openapi/shared-answers';

export const staffLoginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: presentedPasswordSchema,
});

@ApiTags('auth')
@Controller('v1/auth/staff')
export class StaffLoginHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login' })
  @Answers(200, 'A staff token, valid for one hour.', accessTokenSchema)
  @Refuses({
    401: '`invalid_credentials`: wrong email or password, or a deactivated user (all alike).',
    429: 'Too many failed attempts for this email or from this address (Retry-After).',
  })
  async login(
    @ValidBody(staffLoginBody) body: z.infer<typeof staffLoginBody>,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const client = clientInfoOf(request);
    const limits = [
      { limit: LOGIN_PER_EMAIL, subject: `staff:${body.email.toLowerCase()}` },
      { limit: LOGIN_PER_IP, subject: client.ip },
    ];
    return failureLimited(this.rateLimiter, limits, reply, async () => {
      const token = await this.commands.execute(
        new StaffLoginCommand(body.email, body.password, client, ctx),
      );
      if (token === null) throw ProblemException.of(401, 'invalid_credentials', 'Wrong email or password.');
      return token;
    });
  }
}
