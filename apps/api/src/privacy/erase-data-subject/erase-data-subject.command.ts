import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { ErasureAnswer } from '../privacy.schemas';

export class EraseDataSubjectCommand extends Command<ErasureAnswer> {
  constructor(
    readonly subjectId: string,
    readonly reason: string,
    readonly requestId: string | null,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
