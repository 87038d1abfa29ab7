import { Controller, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { updatePortalBody, type UpdatePortalBody, portalUpdatedSchema } from '../portal.schemas';
import { UpdatePortalCommand } from './update-portal.command';
import { Answers, IfMatch, Refuses } from '../../openapi/answers.decorators';

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
  @ApiOperation({ summary: 'Change a portal (partial)' })
  @Answers(200, 'Changed (or nothing to change); the new ETag.', portalUpdatedSchema, { etag: true })
  @IfMatch()
  @Refuses({
    404: '`portal_not_found`.',
    409: '`slug_taken`, or a concurrent change (`concurrent_modification`).',
    422: 'A configuration or role the domain refuses.',
    503: '`read_model_behind`: the read models did not reach the head within 5 s (this command decides from them); retry.',
  })
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
