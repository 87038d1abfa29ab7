import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { staffCommentView, staffCommentViewSchema } from '../comment-view';
import { staffCommentSchema } from '../record-fields.schema';
import { PostCommentCommand } from './post-comment.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class PostCommentHttp {
  constructor(private readonly commands: CommandBus) {}

  /** 201 with the comment. `isInternal: true` keeps it from every portal user. */
  @Post(':entityType/:id/stream')
  @StaffAuth('admin', 'agent')
  @ApiOperation({ summary: 'Comment on a record' })
  @Answers(201, 'The comment; `isInternal: true` keeps it from every portal user.', staffCommentViewSchema)
  @Refuses({ 404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.', 422: 'Empty text.' })
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
