import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { ProblemException } from '../../http/problem';
import { UuidParam, ValidQuery } from '../../http/validated.decorators';
import { asOfMs, asOfQuery } from '../as-of-query';
import type { PortalUserAsOf } from './portal-user-as-of';
import { PortalUserAsOfQuery } from './portal-user-as-of.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { portalUserAsOfSchema } from '../audit.schemas';

@ApiTags('audit')
@Controller('v1/audit/portal-users')
export class PortalUserAsOfHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @StaffAuth('admin', 'auditor')
  @Answers(200, 'The portal user as it was (token hashes redacted).', portalUserAsOfSchema)
  @Refuses({ 404: '`portal_user_not_found`: the user did not exist then.' })
  @ApiOperation({
    summary: 'A portal user as it was at a moment',
    description:
      'State folded from its events up to asOf (token hashes redacted). 404 if the user did not exist then.',
  })
  async get(
    @UuidParam('id') id: string,
    @ValidQuery(asOfQuery) query: z.infer<typeof asOfQuery>,
  ): Promise<PortalUserAsOf> {
    const answer = await this.queries.execute(new PortalUserAsOfQuery(id, asOfMs(query)));
    if (!answer)
      throw ProblemException.of(404, 'portal_user_not_found', `No portal user ${id} existed at that time.`);
    return answer;
  }
}
