import { Command } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { PortalAccess } from '../../../auth/portal-access';
import type { CommandContext } from '@portal/commands';

/** A portal user creates a record (a case: CaseCreatedByPortalUser). */
export class CreatePortalRecordCommand extends Command<RecordDoc> {
  constructor(
    readonly access: PortalAccess,
    readonly entityType: string,
    readonly fields: Record<string, unknown>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
