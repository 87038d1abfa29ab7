import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { ClientInfo } from '../../client/client-info';
import type { IssuedToken } from '../../tokens/access-token';

/** POST /v1/portals/{slug}/auth/accept-invitation: sets the first password, then logs in. */
export class AcceptInvitationCommand extends Command<IssuedToken | null> {
  constructor(
    readonly slug: string,
    readonly token: string,
    readonly password: string,
    readonly client: ClientInfo,
    readonly ctx: CommandContext,
    readonly consentVersion: string | null = null,
  ) {
    super();
  }
}
