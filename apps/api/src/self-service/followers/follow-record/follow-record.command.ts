import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { PortalAccess } from '../../../auth/portal-access';
import type { Following } from '../following-view';

/** A portal user follows (`follow`) or unfollows a record they may read, within their stream level. */
export class FollowRecordCommand extends Command<Following> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly follow: boolean,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
