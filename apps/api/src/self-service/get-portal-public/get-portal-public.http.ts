import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SlugParam } from '../../auth/portal-auth/slug-param';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { GetPortalPublicQuery } from './get-portal-public.query';
import { portalPublicSchema } from './portal-public-view';

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class GetPortalPublicHttp {
  constructor(private readonly queries: QueryBus) {}

  /** No authentication: what a sign-in page shows before anyone logs in. */
  @Get('public')
  @ApiOperation({
    summary: "The portal's name, language and branding for its sign-in pages",
  })
  @Answers(
    200,
    'The name, language and branding and nothing else (`Cache-Control: public, max-age=60`).',
    portalPublicSchema,
  )
  @Refuses({ 404: '`portal_not_found`: no such portal, or it is not active (alike).' })
  async get(@SlugParam() slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.queries.execute(new GetPortalPublicQuery(slug));
    void reply.header('cache-control', 'public, max-age=60');
    return answer;
  }
}
