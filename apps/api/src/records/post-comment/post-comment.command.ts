import { Command } from '@nestjs/cqrs';
import type { PostedComment } from '../comment-document';
import type { CommandContext } from '@portal/commands';

/** Staff comment on a record's stream, publicly or internally. */
export class PostCommentCommand extends Command<PostedComment> {
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly text: string,
    readonly isInternal: boolean,
    readonly attachmentIds: string[],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
