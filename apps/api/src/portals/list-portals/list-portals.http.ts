import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { ListPortalsQuery } from './list-portals.query';

@ApiTags('portals')
@Controller('v1/portals')
export class ListPortalsHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?filter[isActive]=true&filter[isDefault]=false&sort=name|createdAt&order=&page=&perPage=`. */
  @Get()
  @StaffAuth('admin')
  @ApiQuery({ name: 'sort', required: false, enum: ['name', 'createdAt'] })
  @ApiQuery({ name: 'filter[isActive]', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'filter[isDefault]', required: false, enum: ['true', 'false'] })
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { name: 'name', createdAt: 'createdAt' },
      filterable: { isActive: 'isActive', isDefault: 'isDefault', slug: 'slug' },
      defaultSort: [{ path: 'createdAt', direction: 'asc' }],
    });
    return this.queries.execute(new ListPortalsQuery(list));
  }
}
