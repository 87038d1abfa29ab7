import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/** Staff delete a record. */
export class DeleteRecordCommand extends Command<void> {
  constructor(
    readonly entityType: string,
    readonly id: string,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
