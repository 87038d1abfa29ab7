import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { PortalUserAuth } from '../../../auth/auth.decorators';
import type { Principal } from '../../../auth/principal';
import type { CommandContext } from '@portal/commands';
import { Ctx, CurrentPrincipal } from '../../../http/request-context';
import { UuidParam, ValidBody } from '../../../http/validated.decorators';
import { PortalCaller } from '../../portal-caller';
import { commentAttachmentIdsSchema } from '../../../records/record-fields.schema';
import { portalPostedCommentSchema, portalPostedCommentView } from '../../portal-comment-view';
import { PostPortalCommentCommand } from './post-portal-comment.command';
import { Answers, Refuses } from '../../../openapi/answers.decorators';

/**
 * No `isInternal`: a portal user's comment is public, and sending the flag is refused (400).
 * `attachmentIds`: files this user uploaded to the record and has not yet posted with a comment.
 */
const portalCommentSchema = z.strictObject({
  text: z.string().max(100_000),
  attachmentIds: commentAttachmentIdsSchema,
});

@ApiTags('portal')
@Controller('v1/portals/:slug/records')
export class PostPortalCommentHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly caller: PortalCaller,
  ) {}

  /** 201 with the comment; 404 record not readable; 403 stream level too narrow; 422 empty text. */
  @Post(':entityType/:id/stream')
  @PortalUserAuth()
  @ApiOperation({ summary: 'Comment on a record' })
  @Answers(201, 'The comment (always public) and the files it carries.', portalPostedCommentSchema)
  @Refuses({
    400: '`validation_failed`: `attachmentIds` not a list of at most 20 distinct UUIDs.',
    403: 'My stream level does not reach this record.',
    404: 'Not readable, or of a type this portal does not show (never 403).',
    422: 'Empty text; `attachment_not_linkable`: a file I did not upload to this record, removed, or already posted (nothing appended).',
  })
  async post(
    @Param('entityType') entityType: string,
    @UuidParam('id') id: string,
    @ValidBody(portalCommentSchema) body: z.infer<typeof portalCommentSchema>,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: CommandContext,
  ) {
    const access = await this.caller.access(principal);
    const doc = await this.commands.execute(
      new PostPortalCommentCommand(access, entityType, id, body.text, body.attachmentIds ?? [], ctx),
    );
    return portalPostedCommentView(doc);
  }
}
