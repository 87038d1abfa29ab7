import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StaffAuth } from '../../auth/auth.decorators';
import { RECORD_STAFF_ROLES } from '../../auth/record-staff-roles';
import type { CommandContext } from '@portal/commands';
import { Ctx } from '../../http/request-context';
import { UuidParam, ValidBody } from '../../http/validated.decorators';
import { staffPostedCommentSchema, staffPostedCommentView } from '../comment-view';
import { staffCommentSchema } from '../record-fields.schema';
import { PostCommentCommand } from './post-comment.command';
import { Answers, Refuses } from '../../openapi/answers.decorators';

@ApiTags('records')
@Controller('v1/records')
export class PostCommentHttp {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 201 with the comment. `isInternal: true` keeps it, and the files it carries, from every portal
   * user. `attachmentIds`: files already uploaded to this record and not yet posted with a comment.
   */
  @Post(':entityType/:id/stream')
  @StaffAuth(...RECORD_STAFF_ROLES)
  @ApiOperation({ summary: 'Comment on a record' })
  @Answers(
    201,
    'The comment and the files it carries; `isInternal: true` keeps both from every portal user.',
    staffPostedCommentSchema,
  )
  @Refuses({
    400: '`validation_failed`: `attachmentIds` not a list of at most 20 distinct UUIDs.',
    404: '`entity_type_not_found`, `record_not_found`, `record_deleted`.',
    422: 'Empty text; `attachment_not_linkable`: a file not attached to this record, removed, or already posted with a comment (nothing appended).',
  })
  async post(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(staffCommentSchema) body: z.infer<typeof staffCommentSchema>,
    @Ctx() ctx: CommandContext,
  ) {
    const doc = await this.commands.execute(
      new PostCommentCommand(
        entityType,
        id,
        body.text,
        body.isInternal === true,
        body.attachmentIds ?? [],
        ctx,
      ),
    );
    return staffPostedCommentView(doc);
  }
}
