import { Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../../http/etag';
import { Ctx, CurrentPrincipal, type PortalRequest } from '../../../http/request-context';
import { UuidParam, ValidBody } from '../../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../../../records/record-fields.schema';
import { PortalCaller } from '../../portal-caller';
import { portalRecordView } from '../../portal-record-view';
import { UpdatePortalRecordCommand } from './update-portal-record.command';

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
  @ApiHeader({ name: 'If-Match', required: false })
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
