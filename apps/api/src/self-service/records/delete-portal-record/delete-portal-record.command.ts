import { Command } from '@nestjs/cqrs';
import type { PortalAccess } from '../../../auth/portal-access';
import type { CommandContext } from '@portal/commands';

/** A portal user deletes a record inside their delete scope. */
export class DeletePortalRecordCommand extends Command<void> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
