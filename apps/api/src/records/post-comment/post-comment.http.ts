import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { staffCommentView } from '../comment-view';
import { staffCommentSchema } from '../record-fields.schema';
import { PostCommentCommand } from './post-comment.command';

@ApiTags('records')
@Controller('v1/records')
export class PostCommentHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 with the comment. `isInternal: true` keeps it from every portal user. */
  @Post(':entityType/:id/stream')
  @StaffAuth('admin', 'agent')
  async post(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(staffCommentSchema) body: z.infer<typeof staffCommentSchema>,
    @Ctx() ctx: CommandContext,
  ) {
    const doc = await this.commands.execute(
      new PostCommentCommand(entityType, id, body.text, body.isInternal === true, ctx),
    );
    return staffCommentView(doc);
  }
}
