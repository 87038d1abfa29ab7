import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decidePostComment, recordStream } from '@portal/domain';
import { commentDocFrom, type PostedComment } from '../comment-document';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { recordDocFromEvents } from '../record-document';
import { RecordStreamWriter } from '../record-stream-writer';
import { PostCommentCommand } from './post-comment.command';

@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand, PostedComment> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    private readonly writer: RecordStreamWriter,
  ) {}

  async execute(command: PostCommentCommand): Promise<PostedComment> {
    const { entityType, id, text, isInternal, attachmentIds, ctx } = command;
    const def = await this.definitions.require(entityType);
    const commentId = randomUUID();
    const { before, appended } = await this.writer.change(
      recordStream(entityType, id),
      undefined,
      ctx,
      (state) =>
        decidePostComment(
          { type: 'PostComment', entityType, commentId, text, isInternal, attachmentIds },
          state,
        ),
    );
    const record = recordDocFromEvents([...before, ...appended], def);
    if (!record) throw new Error('A posted comment must be on a record');
    return commentDocFrom(appended, record);
  }
}
