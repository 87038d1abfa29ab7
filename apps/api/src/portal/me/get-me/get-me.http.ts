import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { CurrentPrincipal } from '../../../http/request-context';
import { PortalCaller } from '../../portal-caller';
import { meView } from '../me-view';

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
  async me(@CurrentPrincipal() principal: Principal) {
    return meView(await this.caller.access(principal));
  }
}
