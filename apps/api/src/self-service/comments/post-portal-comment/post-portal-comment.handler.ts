import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decidePostCommentAsPortalUser, recordStream } from '@portal/domain';
import { commentDocFrom, type PostedComment } from '../../../records/comment-document';
import { recordDocFromEvents } from '../../../records/record-document';
import { RecordStreamWriter } from '../../../records/record-stream-writer';
import { PortalCaller, userAccess } from '../../portal-caller';
import { PostPortalCommentCommand } from './post-portal-comment.command';

@CommandHandler(PostPortalCommentCommand)
export class PostPortalCommentHandler implements ICommandHandler<PostPortalCommentCommand, PostedComment> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute(command: PostPortalCommentCommand): Promise<PostedComment> {
    const { access, entityType, id, text, attachmentIds, ctx } = command;
    const def = await this.caller.shownType(access, entityType);
    const commentId = randomUUID();
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      undefined,
      ctx,
      (state) =>
        decidePostCommentAsPortalUser(
          { type: 'PostCommentAsPortalUser', entityType, commentId, text, attachmentIds },
          state,
          def,
          userAccess(access),
        ),
    );
    const record = recordDocFromEvents([...before, ...appended], def);
    if (!record) throw new Error('A posted comment must be on a record');
    return commentDocFrom(appended, record);
  }
}
