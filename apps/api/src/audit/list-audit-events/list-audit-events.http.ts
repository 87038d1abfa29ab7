import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { ValidQuery } from '../../http/validated.decorators';
import { auditTime, endOfAuditTime, startOfAuditTime } from '../audit-time';
import { ListAuditEventsQuery } from './list-audit-events.query';
import type { AuditEventPage } from './scan-audit-events';
import { Answers } from '../../openapi/answers.decorators';
import { auditEventPageSchema } from '../audit.schemas';

const position = z
  .string()
  .regex(/^\d+$/, 'must be a position (a whole number) from a previous answer')
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER, 'must be a position from a previous answer'));

const listAuditEventsQuery = z.strictObject({
  stream: z.string().min(1).max(300).optional().describe('Exact stream name, or a prefix ending with *'),
  type: z.string().min(1).max(2000).optional().describe('Event type; several separated by commas'),
  actorId: z.string().min(1).max(128).optional(),
  portalId: z.uuid({ message: 'must be a UUID' }).optional(),
  from: auditTime.optional().describe('Inclusive; a date means its start (UTC)'),
  to: auditTime.optional().describe('Inclusive; a date means its end (UTC)'),
  after: position.optional().describe('The `next` of the previous page'),
  limit: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(1000))
    .optional()
    .describe('Items per page, 1–1000 (default 100)'),
});

const DEFAULT_LIMIT = 100;

@ApiTags('audit')
@Controller('v1/audit/events')
export class ListAuditEventsHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffAuth('admin', 'auditor')
  @Answers(200, 'A page of events in global order.', auditEventPageSchema)
  @ApiOperation({
    summary: 'Events in global order, secrets redacted',
    description:
      'Reads at most a few thousand events per request; `next` is the last position read (pass it as `after`), ' +
      'null at the end of the log, so a page may hold fewer items than `limit` while more follow.',
  })
  list(
    @ValidQuery(listAuditEventsQuery) query: z.infer<typeof listAuditEventsQuery>,
  ): Promise<AuditEventPage> {
    const types = query.type
      ?.split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    return this.queries.execute(
      new ListAuditEventsQuery(
        {
          stream: query.stream,
          types,
          actorId: query.actorId,
          portalId: query.portalId,
          from: query.from === undefined ? undefined : startOfAuditTime(query.from),
          to: query.to === undefined ? undefined : endOfAuditTime(query.to),
        },
        query.after,
        query.limit ?? DEFAULT_LIMIT,
      ),
    );
  }
}
