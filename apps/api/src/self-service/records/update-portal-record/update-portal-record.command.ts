import { Command } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../../auth/portal-access';
import type { CommandContext } from '@portal/commands';

/** A portal user changes fields of a record inside their edit scope. */
export class UpdatePortalRecordCommand extends Command<RecordDoc> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly id: string,
    readonly fields: Record<string, unknown>,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
