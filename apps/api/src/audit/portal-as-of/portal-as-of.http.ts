import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { ProblemException } from '../../http/problem';
import { UuidParam, ValidQuery } from '../../http/validated.decorators';
import { asOfMs, asOfQuery } from '../as-of-query';
import type { PortalAsOf } from './portal-as-of';
import { PortalAsOfQuery } from './portal-as-of.query';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { portalAsOfSchema } from '../audit.schemas';

@ApiTags('audit')
@Controller('v1/audit/portals')
export class PortalAsOfHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @StaffAuth('admin', 'auditor')
  @Answers(200, 'The portal as it was.', portalAsOfSchema)
  @Refuses({ 404: '`portal_not_found`: it did not exist then.' })
  @ApiOperation({
    summary: 'A portal as it was at a moment',
    description:
      'Settings folded from its events up to asOf, the roles it held then with their definitions as of ' +
      'asOf, and the permissions they merge into. 404 if the portal did not exist then.',
  })
  async get(
    @UuidParam('id') id: string,
    @ValidQuery(asOfQuery) query: z.infer<typeof asOfQuery>,
  ): Promise<PortalAsOf> {
    const answer = await this.queries.execute(new PortalAsOfQuery(id, asOfMs(query)));
    if (!answer) throw ProblemException.of(404, 'portal_not_found', `No portal ${id} existed at that time.`);
    return answer;
  }
}
