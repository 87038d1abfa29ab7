import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { CredentialStore } from '../../passwords/credential-store';
import { PortalSessionStore } from '../../sessions/portal-session-store';
import { PortalUserStates } from '../../state/portal-user-states';
import { AuthPortal } from '../auth-portal';
import { ResetPasswordCommand } from './reset-password.command';
import { resetPassword, type ResetPasswordPorts } from './reset-password.workflow';

/** POST /v1/portals/{slug}/auth/reset-password: the workflow in reset-password.workflow.ts. */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  private readonly ports: ResetPasswordPorts;

  constructor(
    private readonly portals: AuthPortal,
    tokens: OneTimeTokens,
    users: PortalUserStates,
    credentials: CredentialStore,
    sessions: PortalSessionStore,
    commands: StreamCommands,
  ) {
    this.ports = { commands, tokens, users, credentials, sessions };
  }

  async execute({ slug, token, password, ctx }: ResetPasswordCommand): Promise<void> {
    const portal = await this.portals.bySlug(slug);
    await resetPassword(this.ports, { portal, token, password }, ctx);
  }
}
