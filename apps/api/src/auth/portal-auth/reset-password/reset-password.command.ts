import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/** POST /v1/portals/{slug}/auth/reset-password: sets the new password with a mailed token. */
export class ResetPasswordCommand extends Command<void> {
  constructor(
    readonly slug: string,
    readonly token: string,
    readonly password: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
