import { Command } from '@nestjs/cqrs';
import type { ProfileChanges } from '@portal/domain';
import type { CommandContext } from '@portal/commands';

/** A portal user changes their own profile; the domain refuses any other field (403). */
export class UpdateMeCommand extends Command<ProfileChanges> {
  constructor(
    readonly portalUserId: string,
    readonly changes: Record<string, unknown>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
