import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { ListPortalRolesQuery } from './list-portal-roles.query';

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class ListPortalRolesHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Roles not deleted; `?sort=name|createdAt&order=&page=&perPage=&filter[name]=`. */
  @Get()
  @StaffAuth('admin')
  @ApiQuery({ name: 'sort', required: false, enum: ['name', 'createdAt'] })
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { name: 'name', createdAt: 'createdAt' },
      filterable: { name: 'name' },
      defaultSort: [{ path: 'name', direction: 'asc' }],
    });
    return this.queries.execute(new ListPortalRolesQuery(list));
  }
}
