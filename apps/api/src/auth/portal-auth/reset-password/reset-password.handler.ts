import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  decideResetPassword,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
} from '@portal/domain';
import { hashToken } from '@portal/platform';
import { actingAs } from '../../client/acting-context';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { CredentialStore } from '../../passwords/credential-store';
import { PortalSessionStore } from '../../sessions/portal-session-store';
import { PortalUserStates } from '../../state/portal-user-states';
import { AuthPortal } from '../auth-portal';
import { invalidToken } from '../invalid-token';
import { ResetPasswordCommand } from './reset-password.command';

/**
 * The domain checks the token is the user's current reset for this portal, unused and unexpired
 * (422 otherwise); appended at the revision read, so it works once. Then the hash is stored and
 * every open session of the user ends: whoever knew the old password is out.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly tokens: OneTimeTokens,
    private readonly users: PortalUserStates,
    private readonly credentials: CredentialStore,
    private readonly sessions: PortalSessionStore,
    private readonly commands: StreamCommands,
  ) {}

  async execute({ slug, token, password, ctx }: ResetPasswordCommand): Promise<void> {
    const portal = await this.portals.bySlug(slug);
    const entry = await this.tokens.find('password-reset', token);
    if (entry === null) throw invalidToken('reset_invalid');
    const { state, revision } = await this.users.current(entry.portalUserId);
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId: portal.id });
    await this.commands.handle(
      {
        stream: portalUserStream(state.id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        given: { state, revision },
        decide: (current) =>
          decideResetPassword(
            { type: 'ResetPassword', portalId: portal.id, tokenHash: hashToken(token), now: ctx.now },
            current,
          ),
      },
      acting.ctx,
    );
    acting.report();
    const now = new Date(ctx.now);
    await this.credentials.setPassword({ kind: 'portalUser', id: state.id }, password, now);
    for (const session of await this.sessions.liveOf(state.id)) {
      await this.sessions.end(session.id, 'password_reset', now);
    }
  }
}
