import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision } from '../../../http/etag';
import { Ctx, CurrentPrincipal, type PortalRequest } from '../../../http/request-context';
import { UuidParam } from '../../../http/validated.decorators';
import { PortalCaller } from '../../portal-caller';
import { DeletePortalRecordCommand } from './delete-portal-record.command';
import { Answers, IfMatch, Refuses } from '../../../openapi/answers.decorators';

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class DeletePortalRecordHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
  ) {}

  /** 204 inside the delete scope; 403 readable but not deletable; 404 not readable. */
  @Delete(':entityType/:id')
  @HttpCode(204)
  @PortalUserAuth()
  @ApiOperation({ summary: 'Delete a record I may delete' })
  @Answers(204, 'Deleted.')
  @IfMatch()
  @Refuses({
    403: 'Readable but not deletable.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
    409: '`concurrent_modification`.',
  })
  async remove(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: PortalRequest,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    const access = await this.caller.access(principal);
    await this.commands.execute(
      new DeletePortalRecordCommand(access, entityType, id, ifMatchRevision(request), ctx),
    );
  }
}
