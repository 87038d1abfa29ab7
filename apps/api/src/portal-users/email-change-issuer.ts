import { Injectable } from '@nestjs/common';
import {
  decideRequestEmailChange,
  portalUserStream,
  type EmailChangeConfirmed,
  type EmailChangeRequested,
  type PortalUserState,
} from '@portal/domain';
import { OneTimeTokens } from '../auth/one-time-tokens/one-time-tokens';
import type { CommandContext } from '@portal/commands';
import { eventId } from '@portal/commands';

export interface DecidedEmailChange {
  events: [EmailChangeRequested] | [EmailChangeConfirmed];
  /** The id the EmailChangeRequested event will be appended under: its token is derived from it. */
  tokenId: string;
}

/**
 * Decides email changes and prepares their tokens. EmailChangeRequested carries no id of its own
 * (the stored event's meaning stays as it is): its token is the one-time token of the event's id,
 * which the mailer derives again for the link and confirm-email looks up. Event ids are
 * deterministic (`eventId(commandId, stream, index)`), so that id is known before the append. Only
 * the token's hash goes into the event; the token is never returned or logged.
 */
@Injectable()
export class EmailChangeIssuer {
  constructor(private readonly tokens: OneTimeTokens) {}

  /**
   * The domain's decision, for the next event this command appends to the user's stream. Append
   * it right after (nothing else of this command in between) with the same `ctx`.
   */
  decide(
    portalUserId: string,
    state: PortalUserState,
    newEmail: string,
    options: { ctx: CommandContext; staffEmailDomains: readonly string[] },
  ): DecidedEmailChange {
    const stream = portalUserStream(portalUserId);
    const tokenId = eventId(options.ctx.commandId, stream, options.ctx.peekEventIndex(stream));
    const events = decideRequestEmailChange(
      {
        type: 'RequestEmailChange',
        newEmail,
        tokenHash: this.tokens.tokenHashFor('email-change', tokenId),
        now: options.ctx.now,
        staffEmailDomains: options.staffEmailDomains,
      },
      state,
    );
    return { events, tokenId };
  }

  /** Indexes the token's hash (call before appending, so the emailed link always resolves). */
  async remember(portalUserId: string, decided: DecidedEmailChange, portalId: string | null): Promise<void> {
    const [event] = decided.events;
    if (event.type !== 'EmailChangeRequested') return;
    await this.tokens.remember({
      id: event.data.tokenHash,
      purpose: 'email-change',
      tokenId: decided.tokenId,
      portalUserId,
      portalId,
    });
  }
}
