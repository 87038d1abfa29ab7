import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { createPortalUserBody, type CreatePortalUserBody } from '../portal-user.schemas';
import { CreatePortalUserCommand } from './create-portal-user.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { createdIdSchema } from '../../openapi/shared-answers';

@ApiTags('portal users')
@Controller('v1/portal-users')
export class CreatePortalUserHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 201 `{ id }`. 409 already_portal_user / email_taken / portal_user_limit; 422 record_deleted,
   * no_email, invalid_email, staff_domain, contact_not_found, portal_not_found, role_not_found.
   */
  @Post()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Create a portal user (from a contact, or new)' })
  @Answers(201, 'Created; invitations go out when sendInvitation is true.', createdIdSchema)
  @Refuses({
    409: '`already_portal_user`, `email_taken`, `portal_user_limit`.',
    422: '`record_deleted`, `no_email`, `invalid_email`, `staff_domain`, `contact_not_found`, `portal_not_found`, `role_not_found`.',
  })
  create(@ValidBody(createPortalUserBody) body: CreatePortalUserBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CreatePortalUserCommand(body, ctx));
  }
}
