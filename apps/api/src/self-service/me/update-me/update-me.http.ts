import { Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { Ctx, CurrentPrincipal } from '../../../http/request-context';
import { ValidBody } from '../../../http/validated.decorators';
import { PortalCaller } from '../../portal-caller';
import { meView, meSchema } from '../me-view';
import { UpdateMeCommand } from './update-me.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

/**
 * Any object: the editable fields (firstName, lastName, phone, language, caseNotifications, and the
 * older notifyOnCaseUpdates) are
 * the domain's rule, and it names every other field it refuses (403 profile_field_not_editable).
 */
const profileChangesSchema = z.record(z.string(), z.unknown());

@ApiTags('portal')
@Controller('v1/portals/:slug')
export class UpdateMeHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
  ) {}

  /** 200 with the /me view after the change. */
  @Patch('me')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Change my profile (firstName, lastName, phone, language, caseNotifications)' })
  @Answers(200, 'My view after the change.', meSchema)
  @Refuses({
    403: '`profile_field_not_editable`: a field I may not change was sent.',
    422: 'An invalid value (`errors` name the fields).',
  })
  async update(
    @ValidBody(profileChangesSchema) changes: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    const applied = await this.commands.execute(new UpdateMeCommand(access.portalUser.id, changes, ctx));
    return meView(access, applied);
  }
}
