import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { createPortalBody, type CreatePortalBody } from '../portal.schemas';
import { CreatePortalCommand } from './create-portal.command';

@ApiTags('portals')
@Controller('v1/portals')
export class CreatePortalHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 `{ id, slug, url }`; 409 slug_taken; 422 for a configuration or role the domain refuses. */
  @Post()
  @StaffAuth('admin')
  create(@ValidBody(createPortalBody) body: CreatePortalBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CreatePortalCommand(body, ctx));
  }
}
