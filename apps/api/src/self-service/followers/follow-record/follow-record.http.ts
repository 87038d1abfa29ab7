import { Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@portal/commands';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import { Ctx, CurrentPrincipal } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { Answers, Refuses } from '../../../openapi/answers.decorators';
import { PortalCaller } from '../../portal-caller';
import { followingSchema } from '../following-view';
import { FollowRecordCommand } from './follow-record.command';

const REFUSALS = {
  403: 'Readable, but my stream level does not reach it (`record_stream_forbidden`).',
  404: 'Not readable, or of a type this portal does not show (never 403).',
  409: '`concurrent_modification`.',
} as const;

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class FollowRecordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
  ) {}

  /** 200 `{ following: true }`; following twice changes nothing. */
  @Put(':entityType/:id/follow')
  @HttpCode(200)
  @PortalUserAuth()
  @ApiOperation({ summary: 'Follow a record: its status changes and replies reach me by email' })
  @Answers(200, 'I follow it.', followingSchema)
  @Refuses(REFUSALS)
  follow(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    return this.run(entityType, id, true, principal, ctx);
  }

  /** 200 `{ following: false }`; also for the creator and contact, who follow by default. */
  @Delete(':entityType/:id/follow')
  @HttpCode(200)
  @PortalUserAuth()
  @ApiOperation({ summary: 'Stop following a record' })
  @Answers(200, 'I no longer follow it.', followingSchema)
  @Refuses(REFUSALS)
  unfollow(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    return this.run(entityType, id, false, principal, ctx);
  }

  private async run(
    entityType: string,
    id: string,
    follow: boolean,
    principal: Principal,
    ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    return this.commands.execute(new FollowRecordCommand(access, entityType, id, follow, ctx));
  }
}
