import { Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../record-fields.schema';
import { staffRecordView } from '../staff-record-view';
import { UpdateRecordCommand } from './update-record.command';

@ApiTags('records')
@Controller('v1/records')
export class UpdateRecordHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 200 with the changed record and its new ETag; If-Match on a stale revision: 412, nothing changes. */
  @Patch(':entityType/:id')
  @StaffAuth('admin', 'agent')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the GET this change is based on' })
  async update(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(recordFieldsSchema) fields: RecordFieldsBody,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: CommandContext,
  ) {
    const doc = await this.commands.execute(
      new UpdateRecordCommand(entityType, id, fields, ifMatchRevision(request), ctx),
    );
    setEtag(reply, doc.revision);
    return staffRecordView(doc);
  }
}
