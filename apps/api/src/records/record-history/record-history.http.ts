import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import { UuidParam } from '../../http/validated.decorators';
import { RecordHistoryQuery } from './record-history.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { recordHistorySchema } from './record-history';

@ApiTags('records')
@Controller('v1/records')
export class RecordHistoryHttp {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Every event of the record, oldest first: `{ event, at, revision, actor, changes }`. Creation
   * lists every field `from: null`; a case's status change appears once (CaseStatusChanged);
   * deletion has no changes; a comment has no changes and carries `comment: { id, text, isInternal }`;
   * a file added or removed carries `attachment` (its metadata, never its bytes), a comment's files
   * `linked: { commentId, attachmentIds }`.
   */
  @Get(':entityType/:id/history')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: "A record's history, oldest first" })
  @Answers(200, 'Every event of the record with who, when and what changed.', recordHistorySchema)
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`.' })
  async history(@Param('entityType') entityType: string, @UuidParam('id') id: string) {
    return this.queries.execute(new RecordHistoryQuery(entityType, id));
  }
}
