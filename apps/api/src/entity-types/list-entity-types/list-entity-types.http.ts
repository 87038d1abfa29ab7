import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { ListEntityTypesQuery } from './list-entity-types.query';

@ApiTags('entity types')
@Controller('v1/entity-types')
export class ListEntityTypesHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Built-in and custom types; `?filter[builtIn]=false&sort=name|createdAt`. */
  @Get()
  @StaffAuth('admin')
  @ApiQuery({ name: 'sort', required: false, enum: ['name', 'createdAt'] })
  @ApiQuery({ name: 'filter[builtIn]', required: false, enum: ['true', 'false'] })
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { name: 'name', createdAt: 'createdAt' },
      filterable: { builtIn: 'builtIn' },
      defaultSort: [{ path: 'name', direction: 'asc' }],
    });
    return this.queries.execute(new ListEntityTypesQuery(list));
  }
}
