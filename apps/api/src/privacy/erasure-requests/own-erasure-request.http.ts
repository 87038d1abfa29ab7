import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { PortalUserAuth } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { Ctx, CurrentPrincipal } from '../../http/request-context';
import { ProblemException } from '../../http/problem';
import { ValidBody } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { PortalCaller } from '../../self-service/portal-caller';
import { DataSubjects } from '../data-subjects';
import { ErasureRequestLog } from './erasure-request-log';
import { erasureRequestSchema, requestErasureBody, type RequestErasureBody } from './erasure-request.schemas';
import { RequestErasureCommand } from './request-erasure.command';

@ApiTags('portal')
@Controller('v1/portals/:slug/me/erasure-request')
export class OwnErasureRequestHttp {
  constructor(
    private readonly caller: PortalCaller,
    private readonly commands: CommandBus,
    private readonly subjects: DataSubjects,
    private readonly log: ErasureRequestLog,
  ) {}

  /**
   * "Delete my account": an admin approves (everything of mine is erased) or refuses it. Open, like
   * its state below, without the portal's current consent: erasure is not conditional on new terms.
   */
  @Post()
  @HttpCode(201)
  @PortalUserAuth({ withoutConsent: true })
  @ApiOperation({ summary: 'Ask for my account and data to be erased' })
  @Answers(201, 'Waiting for an admin.', erasureRequestSchema)
  @Refuses({ 409: '`erasure_request_pending`: one is already waiting.' })
  async request(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(requestErasureBody) body: RequestErasureBody,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    return this.commands.execute(
      new RequestErasureCommand(access.user.portalUserId, access.portal.id, body.reason || null, ctx),
    );
  }

  @Get()
  @PortalUserAuth({ withoutConsent: true })
  @ApiOperation({ summary: 'My latest erasure request and its state' })
  @Answers(200, 'The latest request (pending, approved or refused with the reason).', erasureRequestSchema)
  @Refuses({ 404: '`erasure_request_not_found`: I never asked.' })
  async latest(@CurrentPrincipal() principal: Principal) {
    const access = await this.caller.access(principal);
    const subject = await this.subjects.resolve(access.user.portalUserId);
    const latest = await this.log.latestOf(subject.id);
    if (!latest) throw ProblemException.of(404, 'erasure_request_not_found', 'No erasure request.');
    return latest;
  }
}
