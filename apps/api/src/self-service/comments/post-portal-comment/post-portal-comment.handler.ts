import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decidePostCommentAsPortalUser, recordStream } from '@portal/domain';
import type { CommentDoc } from '@portal/read-models';
import { commentDocFrom } from '../../../records/comment-document';
import { recordDocFromEvents } from '../../../records/record-document';
import { RecordStreamWriter } from '../../../records/record-stream-writer';
import { PortalCaller, userAccess } from '../../portal-caller';
import { PostPortalCommentCommand } from './post-portal-comment.command';

@CommandHandler(PostPortalCommentCommand)
export class PostPortalCommentHandler implements ICommandHandler<PostPortalCommentCommand, CommentDoc> {
  constructor(
    private readonly caller: PortalCaller,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ access, entityType, id, text, ctx }: PostPortalCommentCommand): Promise<CommentDoc> {
    const def = await this.caller.shownType(access, entityType);
    const commentId = randomUUID();
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      undefined,
      ctx,
      (state) =>
        decidePostCommentAsPortalUser(
          { type: 'PostCommentAsPortalUser', entityType, commentId, text },
          state,
          def,
          userAccess(access),
        ),
    );
    const record = recordDocFromEvents([...before, ...appended], def);
    if (!record || appended.length !== 1) throw new Error('A posted comment must be one event on a record');
    return commentDocFrom(appended[0], record);
  }
}
