import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { UuidParam, ValidQuery } from '../../http/validated.decorators';
import { Refuses } from '../../openapi/answers.decorators';
import { DataExportAnswers } from './data-export-openapi';
import { ExportDataSubjectQuery } from './export-data-subject.query';
import { dataExportQuery, sendDataExport, type DataExportQuery } from './send-data-export';

@ApiTags('privacy')
@Controller('v1/data-subjects')
export class ExportDataSubjectHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Access and portability (GDPR Art. 15, 20) on a person's behalf: everything held of them, theirs only. */
  @Get(':id/export')
  @StaffAuth('admin')
  @ApiOperation({ summary: "A data subject's data: profile, consents, what they wrote, sign-ins, emails" })
  @DataExportAnswers()
  @Refuses({ 404: '`data_subject_not_found`.' })
  async export(
    @UuidParam('id') id: string,
    @ValidQuery(dataExportQuery) query: DataExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDataExport(reply, await this.queries.execute(new ExportDataSubjectQuery(id)), query);
  }
}
