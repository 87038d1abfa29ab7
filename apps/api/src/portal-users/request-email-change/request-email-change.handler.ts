import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type PortalUserEvent,
  type PortalUserState,
} from '@portal/domain';
import { WrongExpectedRevision } from '@portal/event-store';
import { CurrentPassword } from '../../auth/passwords/current-password';
import { AggregateRepository } from '../../commands/aggregate-repository';
import type { CommandContext } from '../../commands/command-context';
import { UniqueValues } from '../../portals/unique-values';
import { EmailChangeIssuer, type DecidedEmailChange } from '../email-change-issuer';
import { PortalUserSessions } from '../portal-user-sessions';
import { StaffEmailDomains } from '../staff-email-domains';
import {
  RequestEmailChangeCommand,
  type EmailChangeOutcome,
  type EmailChangeRequester,
} from './request-email-change.command';

const ATTEMPTS = 3;

/**
 * The current password first (self-service: 403, nothing written), then the domain's rules (422,
 * 404: nothing written), then the new address's reservation for this user (409 email_taken), the
 * token's index entry, and EmailChangeRequested (or EmailChangeConfirmed for a user without a
 * password) at the revision read. A write to the user's stream in between (a login) is decided
 * again; if the append still fails, the reservation this request took is given back. Afterwards
 * the address it replaces is released: an earlier pending change's (superseded), or the old
 * address itself when the change took effect at once. A requested change ends the user's sessions
 * (the login is suspended until the new address is confirmed).
 */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<
  RequestEmailChangeCommand,
  EmailChangeOutcome
> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly staffDomains: StaffEmailDomains,
    private readonly currentPassword: CurrentPassword,
    private readonly changes: EmailChangeIssuer,
    private readonly uniques: UniqueValues,
    private readonly sessions: PortalUserSessions,
  ) {}

  async execute({
    portalUserId,
    newEmail,
    requester,
    ctx,
  }: RequestEmailChangeCommand): Promise<EmailChangeOutcome> {
    const staffEmailDomains = await this.staffDomains.current();
    let { state, revision } = await this.load(portalUserId);
    if (requester.kind === 'self') await this.currentPassword.confirm(state, requester.password);
    let decided = this.changes.decide(portalUserId, state, newEmail, { ctx, staffEmailDomains });
    const email = decided.events[0].data.newEmail;

    const took = await this.uniques.reserve('portalUserEmail', email, portalUserId, ctx);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.changes.remember(portalUserId, decided, linkPortalOf(requester, state));
          await this.repo.append(portalUserStream(portalUserId), decided.events, revision, ctx);
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevision) || attempt >= ATTEMPTS) throw error;
          ({ state, revision } = await this.load(portalUserId));
          decided = this.changes.decide(portalUserId, state, email, { ctx, staffEmailDomains });
        }
      }
    } catch (error) {
      if (took) await this.release(email, portalUserId, ctx).catch(() => undefined);
      throw error;
    }
    return this.settle(portalUserId, state, decided, ctx);
  }

  private async settle(
    portalUserId: string,
    before: PortalUserState,
    decided: DecidedEmailChange,
    ctx: CommandContext,
  ): Promise<EmailChangeOutcome> {
    const [event] = decided.events;
    const superseded = before.pendingEmailChange?.newEmail;
    if (superseded !== undefined && superseded !== event.data.newEmail)
      await this.release(superseded, portalUserId, ctx);
    if (event.type === 'EmailChangeConfirmed') {
      await this.release(before.email, portalUserId, ctx);
      return { status: 'changed', email: event.data.newEmail };
    }
    await this.sessions.endAll(portalUserId);
    return { status: 'confirmation_sent', newEmail: event.data.newEmail, expiresAt: event.data.expiresAt };
  }

  private load(portalUserId: string) {
    return this.repo.load<PortalUserState, PortalUserEvent>(
      portalUserStream(portalUserId),
      evolvePortalUser,
      initialPortalUserState,
    );
  }

  /** Frees an address this user held; one held by someone else already is not ours to free. */
  private async release(email: string, portalUserId: string, ctx: CommandContext): Promise<void> {
    try {
      await this.uniques.release('portalUserEmail', email, portalUserId, ctx);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

/**
 * The portal the confirmation link leads to: the one the user asked from, or for an admin's
 * request the user's first portal, where the mailer sends such a link too (the event names no
 * portal and a staff actor has none, so it falls back to the user's first portal).
 */
function linkPortalOf(requester: EmailChangeRequester, state: PortalUserState): string | null {
  return requester.kind === 'self' ? requester.portalId : (state.portalIds[0] ?? null);
}
