import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  DomainError,
  decideRequestPasswordReset,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
} from '@portal/domain';
import { actingAs } from '../../client/acting-context';
import { EmailAttempts } from '../../email-attempts/email-attempts';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { NO_ACCOUNT_ID } from '../../state/no-account';
import { PortalUserStates } from '../../state/portal-user-states';
import { ReservationOwners } from '../../state/reservation-owners';
import { AuthPortal } from '../auth-portal';
import { ForgotPasswordCommand } from './forgot-password.command';

/**
 * Appends PasswordResetRequested when the email belongs to a user who may reset here (the mailer
 * then sends the link); otherwise PasswordResetNotIssued on the email digest's stream. One append
 * and the same reads either way, as for a login (see PortalLoginHandler), so the event store's head
 * does not tell who has an account; the caller answers 202 with a blind consistency token.
 */
@CommandHandler(ForgotPasswordCommand)
export class ForgotPasswordHandler implements ICommandHandler<ForgotPasswordCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly reservations: ReservationOwners,
    private readonly users: PortalUserStates,
    private readonly tokens: OneTimeTokens,
    private readonly commands: StreamCommands,
    private readonly attempts: EmailAttempts,
  ) {}

  async execute({ slug, email, ctx }: ForgotPasswordCommand): Promise<void> {
    const portal = await this.portals.bySlug(slug);
    const userId = (await this.reservations.ownerOf('portalUserEmail', email)) ?? NO_ACCOUNT_ID;
    const { state, revision } = await this.users.current(userId);
    if (!state.exists) return this.attempts.resetNotIssued(email, portal.id, ctx);
    const resetId = randomUUID();
    const tokenHash = this.tokens.tokenHashFor('password-reset', resetId);
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId: portal.id });
    try {
      await this.commands.handle(
        {
          stream: portalUserStream(state.id),
          evolve: evolvePortalUser,
          initialState: initialPortalUserState,
          given: { state, revision },
          decide: async (current) => {
            const events = decideRequestPasswordReset(
              { type: 'RequestPasswordReset', resetId, portalId: portal.id, tokenHash, now: ctx.now },
              current,
            );
            await this.tokens.remember({
              id: tokenHash,
              purpose: 'password-reset',
              tokenId: resetId,
              portalUserId: state.id,
              portalId: portal.id,
            });
            return events;
          },
        },
        acting.ctx,
      );
    } catch (error) {
      // Deactivated, not in this portal, no password yet: recorded as for an unknown email.
      if (error instanceof DomainError) return this.attempts.resetNotIssued(email, portal.id, ctx);
      throw error;
    }
    acting.report();
  }
}
