import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  DomainError,
  decideConfirmEmailChange,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
} from '@portal/domain';
import { hashToken } from '@portal/platform';
import type { CommandContext } from '@portal/commands';
import { UniqueValues } from '../../../shared-streams/unique-values';
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
    private readonly commands: StreamCommands,
    private readonly uniques: UniqueValues,
  ) {}

  async execute({ slug, token, ctx }: ConfirmEmailCommand): Promise<{ email: string }> {
    const portal = await this.portals.bySlug(slug);
    const entry = await this.tokens.find('email-change', token);
    if (entry === null) throw invalidToken('email_change_invalid');
    const { state, revision } = await this.users.current(entry.portalUserId);
    const name = `${state.firstName} ${state.lastName}`.trim();
    const acting = actingAs(ctx, { type: 'portalUser', id: state.id, name, portalId: portal.id });
    const { events } = await this.commands.handle(
      {
        stream: portalUserStream(state.id),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        given: { state, revision },
        decide: (current) =>
          decideConfirmEmailChange(
            { type: 'ConfirmEmailChange', tokenHash: hashToken(token), now: ctx.now },
            current,
          ),
      },
      acting.ctx,
    );
    await this.releaseOldEmail(state.email, state.id, acting.ctx);
    acting.report();
    return { email: events[0].data.newEmail };
  }

  private async releaseOldEmail(email: string, ownerId: string, ctx: CommandContext): Promise<void> {
    try {
      await this.uniques.release('portalUserEmail', email, ownerId, ctx);
    } catch (error) {
      // Held by someone else already (never ours to free): nothing to release.
      if (!(error instanceof DomainError)) throw error;
    }
  }
}
