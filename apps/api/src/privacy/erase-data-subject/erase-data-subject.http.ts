import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { StaffAuth } from '../../auth/auth.decorators';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { eraseBody, erasureAnswerSchema, type EraseBody, type ErasureAnswer } from '../privacy.schemas';
import { EraseDataSubjectCommand } from './erase-data-subject.command';

@ApiTags('privacy')
@Controller('v1/data-subjects')
export class EraseDataSubjectHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Forgets a contact (with its portal users) or a portal user without a contact: their data keys
   * are destroyed, so every read path, replays included, shows "[erased]" for their personal fields.
   */
  @Post(':id/erase')
  @HttpCode(200)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Erase a data subject (crypto-shredding)' })
  @Answers(200, 'Erased (again: 200, nothing more happens).', erasureAnswerSchema)
  @Refuses({
    404: '`data_subject_not_found`.',
    501: '`erasure_unavailable`: this deployment keeps no data keys.',
  })
  erase(
    @UuidParam('id') id: string,
    @ValidBody(eraseBody) body: EraseBody,
    @Ctx() ctx: CommandContext,
  ): Promise<ErasureAnswer> {
    return this.commands.execute(new EraseDataSubjectCommand(id, body.reason, null, ctx));
  }
}
