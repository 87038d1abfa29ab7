import { Controller, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { updatePortalBody, type UpdatePortalBody } from '../portal.schemas';
import { UpdatePortalCommand } from './update-portal.command';

@ApiTags('portals')
@Controller('v1/portals')
export class UpdatePortalHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Partial update (isActive, isDefault, slug, settings...): 200 `{ id, slug, url, revision }` and
   * the new ETag. `If-Match` is optional; a stale one is 412 and nothing is appended.
   */
  @Patch(':id')
  @StaffAuth('admin')
  async update(
    @UuidParam('id') id: string,
    @ValidBody(updatePortalBody) body: UpdatePortalBody,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: CommandContext,
  ) {
    const result = await this.commands.execute(
      new UpdatePortalCommand(id, body, ifMatchRevision(request), ctx),
    );
    if (typeof result.revision === 'number') setEtag(reply, result.revision);
    return result;
  }
}
