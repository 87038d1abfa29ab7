import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery, type ListQueryOptions } from '../../http/list-query';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { Answers } from '../../openapi/answers.decorators';
import { ListQueryParams } from '../../openapi/list-query.decorators';
import { requestJsonSchema } from '../../openapi/zod-json-schema';
import { portalUserListSchema } from '../portal-user.schemas';
import { ListPortalUsersQuery } from './list-portal-users.query';

const STATUSES = ['active', 'invited', 'suspended', 'deactivated'] as const;
const portalId = z.uuid().optional();
const status = z.enum(STATUSES).optional();
const extra = new ZodValidationPipe(z.object({ portalId, status }), 'query');

const LIST: ListQueryOptions = {
  sortable: { name: 'name', email: 'email', createdAt: 'createdAt', lastLoginAt: 'lastLoginAt' },
  filterable: { email: 'email', contactId: 'contactId' },
  defaultSort: [{ path: 'createdAt', direction: 'asc' }],
  extra: ['portalId', 'status'],
};

@ApiTags('portal users')
@Controller('v1/portal-users')
export class ListPortalUsersHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?portalId=&status=active|invited|suspended|deactivated&sort=name|email|createdAt|lastLoginAt&page=&perPage=`. */
  @Get()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'List portal users' })
  @Answers(200, 'A page of portal users, oldest first unless sorted.', portalUserListSchema)
  @ApiQuery({
    name: 'portalId',
    required: false,
    description: 'Members of this portal only',
    schema: requestJsonSchema(portalId) as never,
  })
  @ApiQuery({ name: 'status', required: false, schema: requestJsonSchema(status) as never })
  @ListQueryParams(LIST)
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, LIST);
    const filter = extra.transform({ portalId: query.portalId, status: query.status });
    return this.queries.execute(new ListPortalUsersQuery(list, filter.portalId, filter.status));
  }
}
