import { Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../../http/etag';
import { Ctx, CurrentPrincipal, type PortalRequest } from '../../../http/request-context';
import { UuidParam, ValidBody } from '../../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../../../records/record-fields.schema';
import { PortalCaller } from '../../portal-caller';
import { portalRecordView, portalRecordSchema } from '../../portal-record-view';
import { UpdatePortalRecordCommand } from './update-portal-record.command';
import { Answers, IfMatch, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class UpdatePortalRecordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
  ) {}

  /** 200 inside the edit scope; 403 readable but not editable or a read-only field sent; 404 not readable; 412 stale If-Match. */
  @Patch(':entityType/:id')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Change a record I may edit (partial)' })
  @Answers(200, 'The changed record as I may read it; the new ETag.', portalRecordSchema, { etag: true })
  @IfMatch()
  @Refuses({
    403: 'Readable but not editable, or a read-only field was sent.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
    409: '`concurrent_modification`.',
    422: 'Invalid fields.',
  })
  async update(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(recordFieldsSchema) fields: RecordFieldsBody,
    @CurrentPrincipal() principal: Principal,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    const doc = await this.commands.execute(
      new UpdatePortalRecordCommand(access, entityType, id, fields, ifMatchRevision(request), ctx),
    );
    setEtag(reply, doc.revision);
    return portalRecordView(doc, access.perms);
  }
}
