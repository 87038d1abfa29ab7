import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { Answers } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { portalRoleListSchema } from '../portal-role.schemas';
import { ListPortalRolesQuery } from './list-portal-roles.query';

const LIST: ListQueryOptions = {
  sortable: { name: 'name', createdAt: 'createdAt' },
  filterable: { name: 'name' },
  defaultSort: [{ path: 'name', direction: 'asc' }],
};

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class ListPortalRolesHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Roles not deleted; `?sort=name|createdAt&order=&page=&perPage=&filter[name]=`. */
  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'List portal roles' })
  @Answers(200, 'A page of the roles not deleted, by name unless sorted.', portalRoleListSchema)
  @ListQueryParams(LIST)
  list(@Query() query: Record<string, unknown>) {
    return this.queries.execute(new ListPortalRolesQuery(parseListQuery(query, LIST)));
  }
}
