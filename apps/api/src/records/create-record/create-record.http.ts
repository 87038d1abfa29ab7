import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { recordFieldsSchema, type RecordFieldsBody } from '../record-fields.schema';
import { staffRecordView, staffRecordSchema } from '../staff-record-view';
import { CreateRecordCommand } from './create-record.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class CreateRecordHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 with the record as GET will show it; 404 unknown type, 422 invalid fields (with paths). */
  @Post(':entityType')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Create a record' })
  @Answers(201, 'The record as GET shows it.', staffRecordSchema)
  @Refuses({ 404: '`entity_type_not_found`.', 422: 'Invalid fields (`errors` name them), unknown links.' })
  async create(
    @Param('entityType') entityType: string,
    @ValidBody(recordFieldsSchema) fields: RecordFieldsBody,
    @Ctx() ctx: CommandContext,
  ) {
    const doc = await this.commands.execute(new CreateRecordCommand(entityType, fields, ctx));
    return staffRecordView(doc);
  }
}
