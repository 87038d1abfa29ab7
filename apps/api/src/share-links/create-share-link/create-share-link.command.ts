import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { ShareLinkCreator } from '@portal/domain';
import type { CreatedShareLink, CreateShareLinkBody } from '../share-link.schemas';

/** Make a link to a record the caller was found allowed to share (the HTTP layer checked it). */
export class CreateShareLinkCommand extends Command<CreatedShareLink> {
  constructor(
    readonly creator: ShareLinkCreator,
    readonly entityType: string,
    readonly recordId: string,
    /** The longest life allowed to this creator, in days. */
    readonly maxDays: number,
    readonly body: CreateShareLinkBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
