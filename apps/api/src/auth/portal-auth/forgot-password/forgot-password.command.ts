import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/** POST /v1/portals/{slug}/auth/forgot-password: answers nothing, whatever happened. */
export class ForgotPasswordCommand extends Command<void> {
  constructor(
    readonly slug: string,
    readonly email: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
