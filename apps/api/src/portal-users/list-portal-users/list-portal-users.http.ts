import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { parseListQuery } from '../../http/list-query';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { ListPortalUsersQuery } from './list-portal-users.query';

const STATUSES = ['active', 'invited', 'suspended', 'deactivated'] as const;
const extra = new ZodValidationPipe(
  z.object({ portalId: z.uuid().optional(), status: z.enum(STATUSES).optional() }),
  'query',
);

@ApiTags('portal users')
@Controller('v1/portal-users')
export class ListPortalUsersHttp {
  constructor(private readonly queries: QueryBus) {}

  /** `?portalId=&status=active|invited|suspended|deactivated&sort=name|email|createdAt|lastLoginAt&page=&perPage=`. */
  @Get()
  @StaffAuth('admin')
  @ApiQuery({ name: 'portalId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'sort', required: false, enum: ['name', 'email', 'createdAt', 'lastLoginAt'] })
  list(@Query() query: Record<string, unknown>) {
    const list = parseListQuery(query, {
      sortable: { name: 'name', email: 'email', createdAt: 'createdAt', lastLoginAt: 'lastLoginAt' },
      filterable: { email: 'email', contactId: 'contactId' },
      defaultSort: [{ path: 'createdAt', direction: 'asc' }],
      extra: ['portalId', 'status'],
    });
    const { portalId, status } = extra.transform({ portalId: query.portalId, status: query.status });
    return this.queries.execute(new ListPortalUsersQuery(list, portalId, status));
  }
}
