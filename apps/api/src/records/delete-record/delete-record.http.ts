import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { DeleteRecordCommand } from './delete-record.command';
import { Answers, IfMatch, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class DeleteRecordHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 204; a deleted record answers 404 `record_deleted` afterwards (its history stays readable). */
  @Delete(':entityType/:id')
  @HttpCode(204)
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Delete a record' })
  @Answers(204, 'Deleted; GET answers 404 `record_deleted` afterwards, its history stays.')
  @IfMatch()
  @Refuses({
    404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.',
    409: '`concurrent_modification`.',
  })
  async remove(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @Req() request: PortalRequest,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    await this.commands.execute(new DeleteRecordCommand(entityType, id, ifMatchRevision(request), ctx));
  }
}
