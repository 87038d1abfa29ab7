import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { listAnswer } from '../../http/list-query';
import { UuidParam } from '../../http/validated.decorators';
import { staffCommentView } from '../comment-view';
import { ListCommentsQuery } from './list-comments.query';

@ApiTags('records')
@Controller('v1/records')
export class ListCommentsHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':entityType/:id/stream')
  @StaffAuth('admin', 'agent')
  async list(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const result = await this.queries.execute(new ListCommentsQuery(entityType, id, query));
    return listAnswer(result.items.map(staffCommentView), result.total, result);
  }
}
