import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/** Which links the caller may revoke: those of this record, and only their own when `creatorId` is set. */
export interface RevocableLinks {
  entityType: string;
  recordId: string;
  creatorId?: string;
}

export class RevokeShareLinkCommand extends Command<void> {
  constructor(
    readonly linkId: string,
    readonly revocable: RevocableLinks,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
