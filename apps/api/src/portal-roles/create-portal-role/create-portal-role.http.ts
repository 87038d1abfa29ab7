import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { createPortalRoleBody, type CreatePortalRoleBody } from '../portal-role.schemas';
import { CreatePortalRoleCommand } from './create-portal-role.command';
import { PORTAL_ROLE_PERMISSIONS_DESCRIPTION } from '../portal-role-permissions.description';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { createdIdSchema } from '../../openapi/shared-answers';

@ApiTags('portal roles')
@Controller('v1/portal-roles')
export class CreatePortalRoleHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 `{ id }`. */
  @Post()
  @ApiOperation({ summary: 'Create a portal role', description: PORTAL_ROLE_PERMISSIONS_DESCRIPTION })
  @StaffAuth('admin')
  @Answers(201, 'Created.', createdIdSchema)
  @Refuses({
    422: 'Unknown entity types or fields, or levels the type does not support (`errors` name them).',
  })
  create(@ValidBody(createPortalRoleBody) body: CreatePortalRoleBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CreatePortalRoleCommand(body, ctx));
  }
}
