import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '@portal/commands';
import { clientInfoOf } from '../../auth/client/client-info';
import { failureLimited } from '../../auth/rate-limit/failure-limited';
import { RateLimiter } from '../../auth/rate-limit/rate-limiter';
import { Ctx } from '../../http/request-context';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { SHARED_VIEW_PER_IP } from '../share-link-rate-limits';
import { sharedRecordSchema } from '../share-link.schemas';
import { ViewSharedRecordCommand } from './view-shared-record.command';

@ApiTags('share links')
@Controller('v1/shared')
export class ViewSharedRecordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** No login: the token is the key. Every dead link is the same 404; failed guesses are limited per address. */
  @Get(':token')
  @ApiOperation({ summary: 'Open a share link: the record as its creator may read it now' })
  @ApiParam({
    name: 'token',
    description: 'The token from the link (`/s/<token>`)',
    schema: { type: 'string' },
  })
  @Answers(200, 'The shared record, read-only (`Cache-Control: no-store`).', sharedRecordSchema)
  @Refuses({
    404: '`share_link_not_found`: unknown, revoked or expired, or its record or creator lost the access (alike).',
    429: 'Too many unknown or dead links from this address (Retry-After).',
  })
  async view(
    @Param('token') token: string,
    @Ctx() ctx: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Nothing of it may be kept by a cache or leak the token to another site through Referer.
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const limits = [{ limit: SHARED_VIEW_PER_IP, subject: clientInfoOf(request).ip }];
    return failureLimited(this.rateLimiter, limits, reply, () =>
      this.commands.execute(new ViewSharedRecordCommand(token, ctx)),
    );
  }
}
