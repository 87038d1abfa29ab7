import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortalUserAuth } from '../../auth.decorators';
import type { CommandContext } from '@portal/commands';
import { CurrentPrincipal, Ctx } from '../../../http/request-context';
import type { Principal } from '../../principal';
import { SessionTerminator } from '../../sessions/session-terminator';
import { SlugParam } from '../slug-param';
import { Answers } from '../../../openapi/answers.decorators';

@ApiTags('portal auth')
@Controller('v1/portals/:slug/auth')
export class PortalLogoutHttp {
  constructor(private readonly terminator: SessionTerminator) {}

  /** Ends the session: the token is refused from the next request on (event PortalUserLoggedOut). */
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Portal user logout' })
  @Answers(204, 'Logged out: the token is refused from the next request on (PortalUserLoggedOut).')
  @PortalUserAuth({ withoutConsent: true })
  async logout(
    @SlugParam() _slug: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    if (principal.kind !== 'portalUser') return;
    await this.terminator.end(
      { id: principal.sessionId, portalId: principal.portalId, portalUserId: principal.id },
      'logout',
      new Date(ctx.now),
      { ctx },
    );
  }
}
