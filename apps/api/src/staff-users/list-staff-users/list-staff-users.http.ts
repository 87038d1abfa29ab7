import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { ListStaffUsersQuery } from './list-staff-users.query';

@ApiTags('staff users')
@Controller('v1/staff-users')
export class ListStaffUsersHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?sort=name|email|createdAt&order=&page=&perPage=&filter[role]=&filter[isActive]=&filter[email]=`. */
  @Get()
  @StaffAuth('admin')
  @ApiQuery({ name: 'sort', required: false, enum: ['name', 'email', 'createdAt'] })
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { name: 'name', email: 'email', createdAt: 'createdAt' },
      filterable: { role: 'role', isActive: 'isActive', email: 'email' },
      defaultSort: [{ path: 'name', direction: 'asc' }],
    });
    return this.queries.execute(new ListStaffUsersQuery(list));
  }
}
