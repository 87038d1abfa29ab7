import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PortalUserAuth } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal } from '../../http/request-context';
import { ValidQuery } from '../../http/validated.decorators';
import { PortalCaller } from '../../self-service/portal-caller';
import { DataExportAnswers } from '../export-data-subject/data-export-openapi';
import { ExportDataSubjectQuery } from '../export-data-subject/export-data-subject.query';
import {
  dataExportQuery,
  sendDataExport,
  type DataExportQuery,
} from '../export-data-subject/send-data-export';

@ApiTags('portal')
@Controller('v1/portals/:slug/me')
export class ExportOwnDataHttp {
  constructor(
    private readonly caller: PortalCaller,
    private readonly queries: QueryBus,
  ) {}

  /**
   * My own data (access and portability): the caller's data subject only, never anyone named in the
   * path (there is no id to name): their contact with its portal users, or the portal user alone.
   * Open without the portal's current consent: a data-subject right is not conditional on new terms.
   */
  @Get('data-export')
  @PortalUserAuth({ withoutConsent: true })
  @ApiOperation({ summary: 'Download my data: profile, consents, what I wrote, sign-ins, emails' })
  @DataExportAnswers()
  async export(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(dataExportQuery) query: DataExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const access = await this.caller.access(principal);
    await sendDataExport(
      reply,
      await this.queries.execute(new ExportDataSubjectQuery(access.user.portalUserId)),
      query,
    );
  }
}
