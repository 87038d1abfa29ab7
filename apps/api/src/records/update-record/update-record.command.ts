import { Command } from '@nestjs/cqrs';
import type { RecordDoc } from '@portal/read-models';
import type { CommandContext } from '@portal/commands';

/** Staff change some fields of a record; `null` clears one. */
export class UpdateRecordCommand extends Command<RecordDoc> {
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly fields: Record<string, unknown>,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
