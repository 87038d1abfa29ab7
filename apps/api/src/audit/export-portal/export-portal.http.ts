import { Readable } from 'node:stream';
import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { ProblemException } from '../../http/problem';
import { UuidParam } from '../../http/validated.decorators';
import { ExportPortalQuery } from './export-portal.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { auditEventSchema } from '../audit.schemas';

@ApiTags('audit')
@Controller('v1/audit/portals')
export class ExportPortalHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/export')
  @StaffAuth('admin', 'auditor')
  @Answers(200, 'NDJSON: one AuditEvent a line (`Content-Disposition: attachment`).', auditEventSchema, {
    contentType: 'application/x-ndjson',
  })
  @Refuses({ 404: '`portal_not_found`.' })
  @ApiOperation({
    summary: "A portal's whole history as NDJSON, streamed",
    description:
      'One event a line (the shape of GET /v1/audit/events items), in global order: the portal stream, ' +
      'the streams of every user ever in the portal, and of every record created through it.',
  })
  async export(@UuidParam('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const lines = await this.queries.execute(new ExportPortalQuery(id));
    if (!lines) throw ProblemException.of(404, 'portal_not_found', `No portal ${id}.`);
    await reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="portal-${id}.ndjson"`)
      .send(Readable.from(lines));
  }
}
