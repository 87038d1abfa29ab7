import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { UuidParam } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { loginHistorySchema } from '../portal-user.schemas';
import { LoginHistoryQuery } from './login-history.query';

const LIST: ListQueryOptions = {
  sortable: { at: 'at' },
  filterable: { kind: 'kind', portalId: 'portalId' },
  defaultSort: [{ path: 'at', direction: 'desc' }],
};

@ApiTags('portal users')
@Controller('v1/portal-users')
export class LoginHistoryHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Logins, failed logins and logouts, newest first; `?filter[kind]=login_failed&filter[portalId]=`. */
  @Get(':id/login-history')
  @StaffAuth('admin')
  @ApiOperation({ summary: "A portal user's logins, failed logins and logouts" })
  @Answers(
    200,
    'A page of entries, newest first; `filter[kind]` is login, login_failed or logout.',
    loginHistorySchema,
  )
  @Refuses({ 404: '`portal_user_not_found`.' })
  @ListQueryParams(LIST)
  history(@UuidParam('id') id: string, @Query() query: Record<string, unknown>) {
    return this.queries.execute(new LoginHistoryQuery(id, parseListQuery(query, LIST)));
  }
}
