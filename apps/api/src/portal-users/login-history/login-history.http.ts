import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { UuidParam } from '../../http/validated.decorators';
import { LoginHistoryQuery } from './login-history.query';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class LoginHistoryHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Logins, failed logins and logouts, newest first; `?filter[kind]=login_failed&filter[portalId]=`. */
  @Get(':id/login-history')
  @StaffAuth('admin')
  @ApiQuery({ name: 'filter[kind]', required: false, enum: ['login', 'login_failed', 'logout'] })
  history(@UuidParam('id') id: string, @Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { at: 'at' },
      filterable: { kind: 'kind', portalId: 'portalId' },
      defaultSort: [{ path: 'at', direction: 'desc' }],
    });
    return this.queries.execute(new LoginHistoryQuery(id, list));
  }
}
