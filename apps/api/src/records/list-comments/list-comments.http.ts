import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import { listAnswer } from '../../http/list-query';
import { UuidParam } from '../../http/validated.decorators';
import { staffCommentView, staffCommentListSchema } from '../comment-view';
import { ListCommentsQuery } from './list-comments.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { COMMENT_LIST_OPTIONS } from '../comment-list-options';

@ApiTags('records')
@Controller('v1/records')
export class ListCommentsHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':entityType/:id/stream')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: "A record's comments, internal ones included" })
  @Answers(200, 'A page of comments, oldest first.', staffCommentListSchema)
  @ListQueryParams(COMMENT_LIST_OPTIONS)
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.' })
  async list(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const result = await this.queries.execute(new ListCommentsQuery(entityType, id, query));
    return listAnswer(result.items.map(staffCommentView), result.total, result);
  }
}
