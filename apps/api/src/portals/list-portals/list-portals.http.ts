import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { Answers } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { portalListSchema } from '../portal.schemas';
import { ListPortalsQuery } from './list-portals.query';

const LIST: ListQueryOptions = {
  sortable: { name: 'name', createdAt: 'createdAt' },
  filterable: { isActive: 'isActive', isDefault: 'isDefault', slug: 'slug' },
  defaultSort: [{ path: 'createdAt', direction: 'asc' }],
};

@ApiTags('portals')
@Controller('v1/portals')
export class ListPortalsHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?filter[isActive]=true&filter[isDefault]=false&sort=name|createdAt&order=&page=&perPage=`. */
  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'List portals' })
  @Answers(200, 'A page of portals, oldest first unless sorted.', portalListSchema)
  @ListQueryParams(LIST)
  list(@Query() query: Record<string, unknown>) {
    return this.queries.execute(new ListPortalsQuery(parseListQuery(query, LIST)));
  }
}
