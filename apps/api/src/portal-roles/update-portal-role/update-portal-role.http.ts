import { Controller, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { ifMatchRevision, setEtag } from '../../http/etag';
import { Ctx, type PortalRequest } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import {
  updatePortalRoleBody,
  type UpdatePortalRoleBody,
  portalRoleUpdatedSchema,
} from '../portal-role.schemas';
import { UpdatePortalRoleCommand } from './update-portal-role.command';
import { PORTAL_ROLE_PERMISSIONS_DESCRIPTION } from '../portal-role-permissions.description';
import { Answers, IfMatch, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class UpdatePortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 200 `{ id, revision }` and the new ETag; `If-Match` on a stale revision is 412. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change a portal role', description: PORTAL_ROLE_PERMISSIONS_DESCRIPTION })
  @StaffAuth('admin')
  @Answers(200, 'Changed; the new ETag.', portalRoleUpdatedSchema, { etag: true })
  @IfMatch()
  @Refuses({
    404: '`role_not_found`.',
    409: '`concurrent_modification`.',
    422: 'Unknown entity types or fields, or unsupported levels.',
  })
  async update(
    @UuidParam('id') id: string,
    @ValidBody(updatePortalRoleBody) body: UpdatePortalRoleBody,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: CommandContext,
  ) {
    const result = await this.commands.execute(
      new UpdatePortalRoleCommand(id, body, ifMatchRevision(request), ctx),
    );
    if (typeof result.revision === 'number') setEtag(reply, result.revision);
    return result;
  }
}
