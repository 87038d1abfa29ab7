import { Command } from '@nestjs/cqrs';
import type { PostedComment } from '../../../records/comment-document';
import type { PortalAccess } from '../../../auth/portal-access';
import type { CommandContext } from '@portal/commands';

/** A portal user comments on a record (always public). */
export class PostPortalCommentCommand extends Command<PostedComment> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly text: string,
    readonly attachmentIds: string[],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
