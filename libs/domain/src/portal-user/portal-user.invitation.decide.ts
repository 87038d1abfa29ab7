import { addDays } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import type { AcceptInvitation, ExpireInvitations, SendInvitation } from './portal-user.commands';
import { assertUsableEmail } from './portal-user.email';
import { consentGivenWith } from './portal-user.consent.decide';
import type {
  ConsentGiven,
  InvitationAccepted,
  InvitationExpired,
  InvitationSent,
  PortalUserPasswordSet,
} from './portal-user.events';
import {
  assertInPortal,
  assertNotDeactivated,
  assertPortalUserExists,
  isExpired,
} from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';
import { hasSupportPeriodEnded } from './portal-user.support-period';

export const INVITATION_VALIDITY_DAYS = 7;

/**
 * Sends (or resends) the invitation to one portal. Refusals, checked in this order:
 * record_deleted, user_deactivated, no_email, invalid_email, staff_domain, not_in_portal,
 * already_active (a password is set: the user just logs in), support_period_ended.
 * A resend replaces the portal's previous invitation, whose token then stops working.
 */
export function decideSendInvitation(command: SendInvitation, state: PortalUserState): InvitationSent[] {
  assertPortalUserExists(state);
  if (command.contactDeleted) throw new DomainError('record_deleted', 'The contact was deleted.');
  assertNotDeactivated(state, 'invalid');
  // Re-checked here: the staff domains may have changed since the user was created.
  assertUsableEmail(state.email, command.staffEmailDomains);
  assertInPortal(state, command.portalId);
  if (state.hasPassword) {
    throw new DomainError('already_active', 'The portal user has already set a password.', 'conflict');
  }
  if (hasSupportPeriodEnded(state, command.now)) {
    throw new DomainError('support_period_ended', "The user's support period has ended.");
  }
  return [
    {
      type: 'InvitationSent',
      data: {
        invitationId: command.invitationId,
        portalId: command.portalId,
        tokenHash: command.tokenHash,
        expiresAt: addDays(command.now, INVITATION_VALIDITY_DAYS),
        resend: state.invitations[command.portalId] !== undefined,
      },
    },
  ];
}

function invalidInvitation(): DomainError {
  return new DomainError('invitation_invalid', 'This invitation link is not valid.');
}

/**
 * Accepts an invitation with the hash of the presented token; the API stores the new password's
 * hash outside the event store. Refusals: user_deactivated, invitation_invalid (unknown, superseded,
 * or meant for another portal), invitation_used, invitation_expired, then consent_required (403)
 * when the portal requires a consent version the call did not accept.
 */
export function decideAcceptInvitation(
  command: AcceptInvitation,
  state: PortalUserState,
): (InvitationAccepted | PortalUserPasswordSet | ConsentGiven)[] {
  assertPortalUserExists(state);
  assertNotDeactivated(state);
  const invitation = Object.values(state.invitations).find((inv) => inv.tokenHash === command.tokenHash);
  if (invitation === undefined || invitation.portalId !== command.portalId) throw invalidInvitation();
  if (invitation.status === 'accepted') {
    throw new DomainError('invitation_used', 'This invitation was already accepted.');
  }
  if (invitation.status === 'expired' || isExpired(invitation.expiresAt, command.now)) {
    throw new DomainError('invitation_expired', 'This invitation has expired.');
  }
  const consent = consentGivenWith(state, command.portalId, command.consent);
  return [
    {
      type: 'InvitationAccepted',
      data: { invitationId: invitation.invitationId, portalId: invitation.portalId },
    },
    { type: 'PortalUserPasswordSet', data: { reason: 'invitation' } },
    ...consent,
  ];
}

export function decideExpireInvitations(
  command: ExpireInvitations,
  state: PortalUserState,
): InvitationExpired[] {
  assertPortalUserExists(state);
  return Object.values(state.invitations)
    .filter((inv) => inv.status === 'pending' && isExpired(inv.expiresAt, command.now))
    .map((inv) => ({
      type: 'InvitationExpired',
      data: { invitationId: inv.invitationId, portalId: inv.portalId },
    }));
}
