import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialStore } from '../../passwords/credential-store';
import { PortalUserStates } from '../../state/portal-user-states';
import { ReservationOwners } from '../../state/reservation-owners';
import type { IssuedToken } from '../../tokens/access-token';
import { AuthPortal } from '../auth-portal';
import { PortalSignIn } from '../portal-sign-in';
import { PortalLoginCommand } from './portal-login.command';

/**
 * Finds the user through the email reservation and folds their stream, so a user created or
 * activated a moment ago logs in without waiting for projections. Unknown emails cost the same
 * hashing time as known ones and leave no trace (there is no stream to record them in).
 */
@CommandHandler(PortalLoginCommand)
export class PortalLoginHandler implements ICommandHandler<PortalLoginCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly reservations: ReservationOwners,
    private readonly users: PortalUserStates,
    private readonly credentials: CredentialStore,
    private readonly signIn: PortalSignIn,
  ) {}

  async execute({ slug, email, password, client, ctx }: PortalLoginCommand): Promise<IssuedToken | null> {
    const portal = await this.portals.bySlug(slug);
    const userId = await this.reservations.ownerOf('portalUserEmail', email);
    const state = userId === null ? null : (await this.users.current(userId)).state;
    if (state === null || !state.exists) {
      await this.credentials.verifyNothing(password);
      return null;
    }
    const passwordOk = state.hasPassword
      ? await this.credentials.verify({ kind: 'portalUser', id: state.id }, password)
      : await this.credentials.verifyNothing(password);
    return this.signIn.attempt(state, portal, passwordOk, client, ctx);
  }
}
