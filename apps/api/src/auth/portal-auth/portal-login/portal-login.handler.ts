import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EmailAttempts } from '../../email-attempts/email-attempts';
import { CredentialStore } from '../../passwords/credential-store';
import { NO_ACCOUNT_ID } from '../../state/no-account';
import { PortalUserStates } from '../../state/portal-user-states';
import { ReservationOwners } from '../../state/reservation-owners';
import type { IssuedToken } from '../../tokens/access-token';
import { AuthPortal } from '../auth-portal';
import { PortalSignIn } from '../portal-sign-in';
import { PortalLoginCommand } from './portal-login.command';

/**
 * Finds the user through the email reservation and folds their stream, so a user created or
 * activated a moment ago logs in without waiting for projections. Known and unknown emails take one
 * path: the same reads (an unknown email folds the stream and fetches the credentials of
 * NO_ACCOUNT_ID, which exist nowhere), one argon2 verification (against a dummy hash when there
 * are no credentials) and one append - the user's LoginFailed, or UnknownEmailLoginFailed on the
 * email digest's stream. So neither the answer, its time, nor the event store's head (which anyone
 * can probe with consistency tokens) tells whether the email has an account. We record rather than
 * hide the head: the head moves with every write anyway, and a recorded attempt is also an audit
 * trail of who is being guessed at. The records are on their own streams, so they never count
 * against, or lock, a real user.
 */
@CommandHandler(PortalLoginCommand)
export class PortalLoginHandler implements ICommandHandler<PortalLoginCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly reservations: ReservationOwners,
    private readonly users: PortalUserStates,
    private readonly credentials: CredentialStore,
    private readonly signIn: PortalSignIn,
    private readonly attempts: EmailAttempts,
  ) {}

  async execute({
    slug,
    email,
    password,
    client,
    ctx,
    consentVersion,
  }: PortalLoginCommand): Promise<IssuedToken | null> {
    const portal = await this.portals.bySlug(slug);
    const userId = (await this.reservations.ownerOf('portalUserEmail', email)) ?? NO_ACCOUNT_ID;
    const { state } = await this.users.current(userId);
    const passwordMatches = await this.credentials.verify({ kind: 'portalUser', id: userId }, password);
    if (!state.exists) {
      await this.attempts.loginFailed(email, 'portal', portal.id, ctx);
      return null;
    }
    const passwordOk = state.hasPassword && passwordMatches;
    return this.signIn.attempt(state, portal, passwordOk, client, ctx, consentVersion);
  }
}
