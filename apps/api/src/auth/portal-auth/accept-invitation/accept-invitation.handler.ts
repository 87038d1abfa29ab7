import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideAcceptInvitation,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
} from '@portal/domain';
import { hashToken } from '@portal/platform';
import { actingAs } from '../../client/acting-context';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { CredentialStore } from '../../passwords/credential-store';
import { PortalUserStates } from '../../state/portal-user-states';
import type { IssuedToken } from '../../tokens/access-token';
import { AuthPortal } from '../auth-portal';
import { invalidToken } from '../invalid-token';
import { PortalSignIn } from '../portal-sign-in';
import { AcceptInvitationCommand } from './accept-invitation.command';

/**
 * The token locates the user (its hash, through OneTimeTokens); the domain checks it is the
 * current invitation to this portal, unused and unexpired (422 otherwise). The events are appended
 * at the revision read, so a token is accepted once even by two racing requests; the password
 * hash is stored after that, and the user is logged in like any login.
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly tokens: OneTimeTokens,
    private readonly users: PortalUserStates,
    private readonly credentials: CredentialStore,
    private readonly commands: StreamCommands,
    private readonly signIn: PortalSignIn,
  ) {}

  async execute({
    slug,
    token,
    password,
    client,
    ctx,
  }: AcceptInvitationCommand): Promise<IssuedToken | null> {
    const portal = await this.portals.bySlug(slug);
    const entry = await this.tokens.find('invitation', token);
    if (entry === null) throw invalidToken('invitation_invalid');
    const { state, revision } = await this.users.current(entry.portalUserId);
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId: portal.id });
    const { state: decidedOn, events } = await this.commands.handle(
      {
        stream: portalUserStream(state.id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        given: { state, revision },
        decide: (current) =>
          decideAcceptInvitation(
            { type: 'AcceptInvitation', portalId: portal.id, tokenHash: hashToken(token), now: ctx.now },
            current,
          ),
      },
      acting.ctx,
    );
    acting.report();
    await this.credentials.setPassword({ kind: 'portalUser', id: state.id }, password, new Date(ctx.now));
    const accepted = events.reduce(evolvePortalUser, decidedOn);
    return this.signIn.attempt(accepted, portal, true, client, ctx);
  }
}
