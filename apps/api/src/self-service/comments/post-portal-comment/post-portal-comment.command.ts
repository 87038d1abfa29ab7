import { Command } from '@nestjs/cqrs';
import type { CommentDoc } from '@portal/read-models';
import type { PortalAccess } from '../../../auth/portal-access';
import type { CommandContext } from '@portal/commands';

/** A portal user comments on a record (always public). */
export class PostPortalCommentCommand extends Command<CommentDoc> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly text: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
