import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideSendInvitation,
  evolvePortalUser,
  type InvitationSent,
  type PortalUserState,
} from '@portal/domain';
import { OneTimeTokens } from '../auth/one-time-tokens/one-time-tokens';
import type { CommandContext } from '@portal/commands';

/**
 * Decides invitations and prepares their tokens. The token is the auth module's one-time token
 * (`oneTimeToken(deriveKey(JWT_SECRET, 'one-time-tokens'), 'invitation', invitationId)`), the one
 * the mailer derives again for the link and accept-invitation looks up; only its hash goes into
 * InvitationSent, and it is never returned or logged.
 */
@Injectable()
export class InvitationIssuer {
  constructor(private readonly tokens: OneTimeTokens) {}

  /** InvitationSent for each portal, in order (a resend supersedes that portal's previous one). */
  decide(
    state: PortalUserState,
    portalIds: readonly string[],
    options: { ctx: CommandContext; staffEmailDomains: readonly string[]; contactDeleted: boolean },
  ): InvitationSent[] {
    const events: InvitationSent[] = [];
    let current = state;
    for (const portalId of portalIds) {
      const invitationId = randomUUID();
      const sent = decideSendInvitation(
        {
          type: 'SendInvitation',
          invitationId,
          portalId,
          tokenHash: this.tokens.tokenHashFor('invitation', invitationId),
          now: options.ctx.now,
          staffEmailDomains: options.staffEmailDomains,
          contactDeleted: options.contactDeleted,
        },
        current,
      );
      events.push(...sent);
      current = sent.reduce(evolvePortalUser, current);
    }
    return events;
  }

  /** Indexes the tokens' hashes (call before appending, so every emailed link resolves). */
  async remember(portalUserId: string, events: readonly InvitationSent[]): Promise<void> {
    if (events.length === 0) return;
    for (const { data } of events) {
      await this.tokens.remember({
        id: data.tokenHash,
        purpose: 'invitation',
        tokenId: data.invitationId,
        portalUserId,
        portalId: data.portalId,
      });
    }
  }
}
