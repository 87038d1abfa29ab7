import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { createStaffUserBody, type CreateStaffUserBody } from '../staff-user.schemas';
import { CreateStaffUserCommand } from './create-staff-user.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { createdIdSchema } from '../../openapi/shared-answers';

@ApiTags('staff users')
@Controller('v1/staff-users')
export class CreateStaffUserHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Create a staff user (admin, agent or auditor)' })
  @Answers(201, 'Created.', createdIdSchema)
  @Refuses({ 422: 'A password the policy refuses, or another domain rule.' })
  @Refuses({ 409: '`email_taken`: another staff user has this email.' })
  create(@ValidBody(createStaffUserBody) body: CreateStaffUserBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CreateStaffUserCommand(body, ctx));
  }
}
