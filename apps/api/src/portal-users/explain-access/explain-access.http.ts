import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { UuidParam, ValidQuery } from '../../http/validated.decorators';
import { ExplainAccessQuery } from './explain-access.query';

const accessQuery = z.strictObject({
  entityType: z.string().regex(/^[A-Z][A-Za-z0-9]{0,63}$/, 'must be an entity type name'),
  recordId: z.uuid().optional(),
  portalId: z.uuid().optional(),
});

@ApiTags('portal users')
@Controller('v1/portal-users')
export class ExplainAccessHttp {
  constructor(private readonly queries: QueryBus) {}

  /**
   * `?entityType=Case&recordId=…&portalId=…` → per portal of the user: each action's allowed,
   * level, grantedBy (roles) and refusal reason, and the hidden / read-only fields.
   */
  @Get(':id/access')
  @StaffAuth('admin')
  explain(@UuidParam('id') id: string, @ValidQuery(accessQuery) query: z.infer<typeof accessQuery>) {
    return this.queries.execute(new ExplainAccessQuery(id, query.entityType, query.recordId, query.portalId));
  }
}
