import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { UuidParam, ValidQuery } from '../../http/validated.decorators';
import { ExplainAccessQuery } from './explain-access.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { accessExplanationSchema } from '../portal-user.schemas';

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
  @ApiOperation({ summary: 'Explain what a portal user may do with a record or type, and why' })
  @Answers(
    200,
    'Per portal of the user: each action allowed or not, its level, the roles granting it, and the refusal reason; hidden and read-only fields.',
    accessExplanationSchema,
  )
  @Refuses({ 404: '`portal_user_not_found`, `record_not_found`.', 422: '`not_in_portal`.' })
  explain(@UuidParam('id') id: string, @ValidQuery(accessQuery) query: z.infer<typeof accessQuery>) {
    return this.queries.execute(new ExplainAccessQuery(id, query.entityType, query.recordId, query.portalId));
  }
}
