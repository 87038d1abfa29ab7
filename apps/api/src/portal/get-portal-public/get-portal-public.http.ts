import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SlugParam } from '../../auth/portal-auth/slug-param';
import { openApiSchema } from '../../http/validated.decorators';
import { GetPortalPublicQuery } from './get-portal-public.query';
import { portalPublicSchema } from './portal-public-view';

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class GetPortalPublicHttp {
  constructor(private readonly queries: QueryBus) {}

  /** No authentication: what a sign-in page shows before anyone logs in. */
  @Get('public')
  @ApiOperation({
    summary: "The portal's name, language and branding for its sign-in pages (no authentication).",
  })
  @ApiOkResponse({
    description:
      '`{ slug, name, language, branding: { logoUrl, primaryColor, companyName } }` and nothing else.',
    schema: openApiSchema(portalPublicSchema) as never,
  })
  @ApiBadRequestResponse({ description: 'The slug cannot be a portal slug.' })
  @ApiNotFoundResponse({ description: '`portal_not_found`: no such portal, or it is not active (alike).' })
  async get(@SlugParam() slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.queries.execute(new GetPortalPublicQuery(slug));
    void reply.header('cache-control', 'public, max-age=60');
    return answer;
  }
}
