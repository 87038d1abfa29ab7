import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { CurrentPrincipal } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { PortalCaller } from '../../portal-caller';
import { followingSchema } from '../following-view';
import { GetFollowingQuery } from './get-following.query';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class GetFollowingHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
  ) {}

  /** Whether I follow the record (the creator and the case's contact do until they unfollow). */
  @Get(':entityType/:id/follow')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Whether I follow a record' })
  @Answers(200, 'Whether I follow it.', followingSchema)
  @Refuses({
    403: 'Readable, but my stream level does not reach it.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
  })
  async get(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const access = await this.caller.access(principal);
    return this.queries.execute(new GetFollowingQuery(access, entityType, id));
  }
}
