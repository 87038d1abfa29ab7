import { Controller, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../record-fields.schema';
import { staffRecordView, staffRecordSchema } from '../staff-record-view';
import { UpdateRecordCommand } from './update-record.command';
import { Answers, IfMatch, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class UpdateRecordHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 200 with the changed record and its new ETag; If-Match on a stale revision: 412, nothing changes. */
  @Patch(':entityType/:id')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Change a record (partial)' })
  @Answers(200, 'The changed record; the new ETag.', staffRecordSchema, { etag: true })
  @IfMatch()
  @Refuses({
    404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.',
    409: '`concurrent_modification`.',
    422: 'Invalid fields (`errors` name them).',
  })
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
