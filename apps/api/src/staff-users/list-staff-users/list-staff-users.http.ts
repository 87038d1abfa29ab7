import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { Answers } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { staffUserListSchema } from '../staff-user.schemas';
import { ListStaffUsersQuery } from './list-staff-users.query';

const LIST: ListQueryOptions = {
  sortable: { name: 'name', email: 'email', createdAt: 'createdAt' },
  filterable: { role: 'role', isActive: 'isActive', email: 'email' },
  defaultSort: [{ path: 'name', direction: 'asc' }],
};

@ApiTags('staff users')
@Controller('v1/staff-users')
export class ListStaffUsersHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?sort=name|email|createdAt&order=&page=&perPage=&filter[role]=&filter[isActive]=&filter[email]=`. */
  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'List staff users' })
  @Answers(200, 'A page of staff users, by name unless sorted.', staffUserListSchema)
  @ListQueryParams(LIST)
  list(@Query() query: Record<string, unknown>) {
    return this.queries.execute(new ListStaffUsersQuery(parseListQuery(query, LIST)));
  }
}
