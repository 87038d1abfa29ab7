import { Command } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { CommandContext } from '@portal/commands';

/** Staff create a record of any entity type. */
export class CreateRecordCommand extends Command<RecordDoc> {
  constructor(
    readonly entityType: string,
    readonly fields: Record<string, unknown>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
