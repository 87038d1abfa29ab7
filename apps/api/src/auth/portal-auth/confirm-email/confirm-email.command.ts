import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/** POST /v1/portals/{slug}/auth/confirm-email: confirms a requested email change with the mailed token. */
export class ConfirmEmailCommand extends Command<{ email: string }> {
  constructor(
    readonly slug: string,
    readonly token: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
