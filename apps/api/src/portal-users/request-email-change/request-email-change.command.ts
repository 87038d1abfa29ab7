import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';

/**
 * Who asks: an admin (the link in the email leads to the user's first portal), or the user
 * themself from a portal (the link leads to that portal), who must give their current password.
 */
export type EmailChangeRequester = { kind: 'staff' } | { kind: 'self'; portalId: string; password: string };

export type EmailChangeOutcome =
  /** EmailChangeRequested: the new address gets a confirmation link; the login is suspended until then. */
  | { status: 'confirmation_sent'; newEmail: string; expiresAt: string }
  /** EmailChangeConfirmed at once (a user without a password yet). */
  | { status: 'changed'; email: string };

/** POST /v1/portal-users/{id}/email-change (admin) and POST /v1/portals/{slug}/me/email-change (self). */
export class RequestEmailChangeCommand extends Command<EmailChangeOutcome> {
  constructor(
    readonly portalUserId: string,
    readonly newEmail: string,
    readonly requester: EmailChangeRequester,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
