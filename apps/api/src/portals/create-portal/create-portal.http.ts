import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { ValidBody } from '../../http/validated.decorators';
import { createPortalBody, type CreatePortalBody, portalCreatedSchema } from '../portal.schemas';
import { CreatePortalCommand } from './create-portal.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('portals')
@Controller('v1/portals')
export class CreatePortalHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 `{ id, slug, url }`; 409 slug_taken; 422 for a configuration or role the domain refuses. */
  @Post()
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Create a portal' })
  @Answers(201, 'Created; `url` is where its users sign in.', portalCreatedSchema)
  @Refuses({
    409: '`slug_taken`.',
    422: 'A configuration or role the domain refuses (`errors` name the fields).',
    503: '`read_model_behind`: the read models did not reach the head within 5 s (this command decides from them); retry.',
  })
  create(@ValidBody(createPortalBody) body: CreatePortalBody, @Ctx() ctx: CommandContext) {
    return this.commands.execute(new CreatePortalCommand(body, ctx));
  }
}
