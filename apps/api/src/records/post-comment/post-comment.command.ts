import { Command } from '@nestjs/cqrs';
import type { CommentDoc } from '@portal/read-models';
import type { CommandContext } from '@portal/commands';

/** Staff comment on a record's stream, publicly or internally. */
export class PostCommentCommand extends Command<CommentDoc> {
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly text: string,
    readonly isInternal: boolean,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
