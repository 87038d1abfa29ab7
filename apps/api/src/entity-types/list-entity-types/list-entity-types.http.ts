import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { Answers } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { entityTypeListSchema } from '../entity-type.schemas';
import { ListEntityTypesQuery } from './list-entity-types.query';

const LIST: ListQueryOptions = {
  sortable: { name: 'name', createdAt: 'createdAt' },
  filterable: { builtIn: 'builtIn' },
  defaultSort: [{ path: 'name', direction: 'asc' }],
};

@ApiTags('entity types')
@Controller('v1/entity-types')
export class ListEntityTypesHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Built-in and custom types; `?filter[builtIn]=false&sort=name|createdAt`. */
  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'List entity types (built-in and custom)' })
  @Answers(200, 'A page of entity types, by name unless sorted.', entityTypeListSchema)
  @ListQueryParams(LIST)
  list(@Query() query: Record<string, unknown>) {
    return this.queries.execute(new ListEntityTypesQuery(parseListQuery(query, LIST)));
  }
}
