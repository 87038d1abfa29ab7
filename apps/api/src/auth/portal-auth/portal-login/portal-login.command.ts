import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { ClientInfo } from '../../client/client-info';
import type { IssuedToken } from '../../tokens/access-token';

/** POST /v1/portals/{slug}/auth/login: a token, or null for any refusal (the answer is 401 alike). */
export class PortalLoginCommand extends Command<IssuedToken | null> {
  constructor(
    readonly slug: string,
    readonly email: string,
    readonly password: string,
    readonly client: ClientInfo,
    readonly ctx: CommandContext,
    readonly consentVersion: string | null = null,
  ) {
    super();
  }
}
