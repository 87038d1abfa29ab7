import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { listAnswer } from '../../../http/list-query';
import { CurrentPrincipal } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { PortalCaller } from '../../portal-caller';
import { portalCommentView, portalCommentListSchema } from '../../portal-comment-view';
import { ListPortalCommentsQuery } from './list-portal-comments.query';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { ListQueryParams } from '../../../openapi/list-query.decorators';
import { COMMENT_LIST_OPTIONS } from '../../../records/comment-list-options';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class ListPortalCommentsHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
  ) {}

  /** Public comments, oldest first. */
  @Get(':entityType/:id/stream')
  @PortalUserAuth()
  @ApiOperation({ summary: "A record's public comments" })
  @Answers(200, 'A page of public comments, oldest first.', portalCommentListSchema)
  @ListQueryParams(COMMENT_LIST_OPTIONS)
  @Refuses({
    403: 'My stream level does not reach this record.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
  })
  async list(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const access = await this.caller.access(principal);
    const result = await this.queries.execute(new ListPortalCommentsQuery(access, entityType, id, query));
    return listAnswer(result.items.map(portalCommentView), result.total, result);
  }
}
