import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { CredentialStore } from '../../passwords/credential-store';
import { PortalUserStates } from '../../state/portal-user-states';
import type { IssuedToken } from '../../tokens/access-token';
import { AuthPortal } from '../auth-portal';
import { PortalSignIn } from '../portal-sign-in';
import { AcceptInvitationCommand } from './accept-invitation.command';
import { acceptInvitation, type AcceptInvitationPorts } from './accept-invitation.workflow';

/** POST /v1/portals/{slug}/auth/accept-invitation: the workflow in accept-invitation.workflow.ts. */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  private readonly ports: AcceptInvitationPorts;

  constructor(
    private readonly portals: AuthPortal,
    tokens: OneTimeTokens,
    users: PortalUserStates,
    credentials: CredentialStore,
    commands: StreamCommands,
    signIn: PortalSignIn,
  ) {
    this.ports = { commands, tokens, users, credentials, signIn };
  }

  async execute({
    slug,
    token,
    password,
    client,
    consentVersion,
    ctx,
  }: AcceptInvitationCommand): Promise<IssuedToken | null> {
    const portal = await this.portals.bySlug(slug);
    return acceptInvitation(this.ports, { portal, token, password, client, consentVersion }, ctx);
  }
}
