import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { CurrentPrincipal } from '../../../http/request-context';
import { PortalCaller } from '../../portal-caller';
import { meView, meSchema } from '../me-view';
import { Answers } from '../../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class GetMeHttp {
  constructor(private readonly caller: PortalCaller) {}

  /**
   * `{ id, email, firstName, lastName, phone, language, notifyOnCaseUpdates, contactId, accountIds,
   * portal: { id, slug, name, tabList, quickCreateList, settings }, permissions }`; `permissions` is
   * the merged roles: `scopes[type][action].level` and `fields[type][field].{read,edit}`.
   */
  @Get('me')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Who I am, my portal, and my merged permissions' })
  @Answers(200, 'My profile, the portal (what a UI needs to lay itself out) and my permissions.', meSchema)
  async me(@CurrentPrincipal() principal: Principal) {
    return meView(await this.caller.access(principal));
  }
}
