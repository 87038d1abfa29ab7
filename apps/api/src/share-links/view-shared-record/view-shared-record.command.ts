import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { SharedRecord } from '../share-link.schemas';

/** Someone without an account opens a link: a read, which may leave ShareLinkFirstOpened or ShareLinkExpired. */
export class ViewSharedRecordCommand extends Command<SharedRecord> {
  constructor(
    readonly token: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
