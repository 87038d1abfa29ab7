import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import { UuidParam } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ListFollowersQuery } from './list-followers.query';
import { recordFollowerListSchema } from './record-follower-view';

@ApiTags('records')
@Controller('v1/records')
export class ListFollowersHttp {
  constructor(private readonly queries: QueryBus) {}

  /** Portal users who follow the record: by choice, or as its creator or contact until they unfollow. */
  @Get(':entityType/:id/followers')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: "A record's followers (portal users its status and reply emails go to)" })
  @Answers(200, 'Every follower, by portal user id.', recordFollowerListSchema)
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.' })
  list(@Param('entityType') entityType: string, @UuidParam('id') id: string) {
    return this.queries.execute(new ListFollowersQuery(entityType, id));
  }
}
