import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import type { PortalDoc } from '@portal/read-models';
import { CurrentPortal, PortalUserAuth } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { Ctx, CurrentPrincipal } from '../../http/request-context';
import { ProblemException } from '../../http/problem';
import { ValidBody } from '../../http/validated.decorators';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ChangePortalUserCommand } from '../../portal-users/change-portal-user/change-portal-user.command';
import { PortalUserSessions } from '../../portal-users/portal-user-sessions';
import {
  consentSchema,
  consentVersionParam,
  giveConsentBody,
  type ConsentAnswer,
  type GiveConsentBody,
} from './consent.schemas';
import { requiredConsentVersion } from './consent-terms';

/**
 * A portal user's consent to the portal's terms. Both routes are open to a session that still owes
 * the consent (PortalUserAuth withoutConsent): that is how it is given, or taken back.
 */
@ApiTags('portal')
@Controller('v1/portals/:slug/me/consents')
export class MyConsentsHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly sessions: PortalUserSessions,
  ) {}

  @Post()
  @HttpCode(200)
  @PortalUserAuth({ withoutConsent: true })
  @ApiOperation({ summary: "Accept the portal's terms (the version it requires now)" })
  @Answers(200, 'Accepted (again: 200, nothing more is recorded). Event ConsentGiven.', consentSchema)
  @Refuses({ 422: '`consent_version_not_current`: not the version the portal requires now.' })
  async give(
    @ValidBody(giveConsentBody) body: GiveConsentBody,
    @CurrentPrincipal() principal: Principal,
    @CurrentPortal() portal: PortalDoc,
    @Ctx() ctx: CommandContext,
  ): Promise<ConsentAnswer> {
    const command = {
      type: 'GiveConsent' as const,
      portalId: portal.id,
      version: body.version,
      required: requiredConsentVersion(portal),
    };
    await this.commands.execute(new ChangePortalUserCommand(principal.id, command, ctx));
    return { portalId: portal.id, version: body.version };
  }

  /** Withdrawing ends every session of the user in this portal; logging in needs the consent again. */
  @Delete(':version')
  @HttpCode(204)
  @PortalUserAuth({ withoutConsent: true })
  @ApiOperation({ summary: "Withdraw my consent to a version of the portal's terms" })
  @Answers(204, 'Withdrawn (ConsentWithdrawn): my sessions in this portal end at once.')
  @Refuses({ 404: '`consent_not_given`: I hold no consent to this version here.' })
  async withdraw(
    @Param('version') version: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentPortal() portal: PortalDoc,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    if (!consentVersionParam.safeParse(version).success) {
      throw ProblemException.of(404, 'consent_not_given', 'No consent to this version is held.');
    }
    const command = { type: 'WithdrawConsent' as const, portalId: portal.id, version };
    await this.commands.execute(new ChangePortalUserCommand(principal.id, command, ctx));
    await this.sessions.endAll(principal.id, portal.id);
  }
}
