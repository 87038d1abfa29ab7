import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal } from '../../http/request-context';
import { PortalCaller } from '../portal-caller';
import { GetDashboardQuery, dashboardSchema } from './get-dashboard.query';
import { Answers } from '../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class GetDashboardHttp {
  constructor(
    private readonly queries: QueryBus,
    private readonly caller: PortalCaller,
  ) {}

  /**
   * `{ layout, dashlets: [{ dashlet, options, data }] }`. OpenCasesByPriority `{ total, byPriority }`,
   * RecentCases / RecentKnowledgeBaseArticles `{ items }`, CaseResolutionTimeByPriority
   * `{ byPriority: { P: { count, averageHours } }, sampled }`, Announcement `{ title, text }`.
   * Counts and lists cover only records the user may read; `data` is null where the roles hide
   * the status or priority a dashlet is about.
   */
  @Get('dashboard')
  @PortalUserAuth()
  @ApiOperation({ summary: 'My dashboard: the dashlets of my layout with their data' })
  @Answers(200, 'Counts and lists cover only records I may read.', dashboardSchema)
  async dashboard(@CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetDashboardQuery(await this.caller.access(principal)));
  }
}
