import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decidePostComment, recordStream } from '@portal/domain';
import type { CommentDoc } from '@portal/read-models';
import { commentDocFrom } from '../comment-document';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { recordDocFromEvents } from '../record-document';
import { RecordStreamWriter } from '../record-stream-writer';
import { PostCommentCommand } from './post-comment.command';

@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand, CommentDoc> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute({ entityType, id, text, isInternal, ctx }: PostCommentCommand): Promise<CommentDoc> {
    const def = await this.definitions.require(entityType);
    const commentId = randomUUID();
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      undefined,
      ctx,
      (state) => decidePostComment({ type: 'PostComment', entityType, commentId, text, isInternal }, state),
    );
    const record = recordDocFromEvents([...before, ...appended], def);
    if (!record || appended.length !== 1) throw new Error('A posted comment must be one event on a record');
    return commentDocFrom(appended[0], record);
  }
}
