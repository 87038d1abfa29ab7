import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  decideConfirmEmailChange,
  decideReleaseUniqueValue,
  evolveReservation,
  initialReservationState,
  portalUserStream,
  reservationStream,
  type ReservationEvent,
  type ReservationState,
} from '@portal/domain';
import { hashToken } from '@portal/platform';
import { AggregateRepository } from '../../../commands/aggregate-repository';
import type { CommandContext } from '../../../commands/command-context';
import { actingAs } from '../../client/acting-context';
import { OneTimeTokens } from '../../one-time-tokens/one-time-tokens';
import { PortalUserStates } from '../../state/portal-user-states';
import { AuthPortal } from '../auth-portal';
import { invalidToken } from '../invalid-token';
import { ConfirmEmailCommand } from './confirm-email.command';

/**
 * Confirms the pending email change the token was mailed for (422 when it is not the pending one
 * or has expired); the user's suspension ends with it. The new address was reserved when the change
 * was requested; the old one is released here so someone else may use it.
 */
@CommandHandler(ConfirmEmailCommand)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmailCommand> {
  constructor(
    private readonly portals: AuthPortal,
    private readonly tokens: OneTimeTokens,
    private readonly users: PortalUserStates,
    private readonly repo: AggregateRepository,
  ) {}

  async execute({ slug, token, ctx }: ConfirmEmailCommand): Promise<{ email: string }> {
    const portal = await this.portals.bySlug(slug);
    const entry = await this.tokens.find('email-change', token);
    if (entry === null) throw invalidToken('email_change_invalid');
    const { state, revision } = await this.users.current(entry.portalUserId);
    const events = decideConfirmEmailChange(
      { type: 'ConfirmEmailChange', tokenHash: hashToken(token), now: ctx.now },
      state,
    );
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId: portal.id });
    await this.repo.append(portalUserStream(state.id), events, revision, acting.ctx);
    await this.releaseOldEmail(state.email, state.id, acting.ctx);
    acting.report();
    return { email: events[0].data.newEmail };
  }

  private async releaseOldEmail(email: string, ownerId: string, ctx: CommandContext): Promise<void> {
    const stream = reservationStream('portalUserEmail', email);
    const { state, revision } = await this.repo.load<ReservationState, ReservationEvent>(
      stream,
      evolveReservation,
      initialReservationState,
    );
    try {
      const events = decideReleaseUniqueValue({ kind: 'portalUserEmail', value: email, ownerId }, state);
      await this.repo.append(stream, events, revision, ctx);
    } catch (error) {
      // Held by someone else already (never ours to free): nothing to release.
      if (!(error instanceof DomainError)) throw error;
    }
  }
}
