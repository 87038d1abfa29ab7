import { addDays } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import type { ConfirmEmailChange, RequestEmailChange } from './portal-user.commands';
import { assertUsableEmail } from './portal-user.email';
import type { EmailChangeConfirmed, EmailChangeRequested } from './portal-user.events';
import { assertNotDeactivated, assertPortalUserExists, isExpired } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

export const EMAIL_CHANGE_VALIDITY_DAYS = 7;

/**
 * A user with a password must confirm the new address through the mailed link; until then the
 * login is suspended (Zoho's "Login Suspended"). A user without a password (still invited) has
 * the address changed at once: the old invitation links die with the old address, and accepting
 * a new invitation sent to the new address proves it. Refusals: user_deactivated, no_email,
 * invalid_email, staff_domain, email_unchanged. The handler reserves the new address's uniqueness.
 */
export function decideRequestEmailChange(
  command: RequestEmailChange,
  state: PortalUserState,
): [EmailChangeRequested] | [EmailChangeConfirmed] {
  assertPortalUserExists(state);
  assertNotDeactivated(state, 'invalid');
  const newEmail = assertUsableEmail(command.newEmail, command.staffEmailDomains);
  if (newEmail === state.email) {
    throw new DomainError('email_unchanged', 'This is already the email address.', 'invalid', [
      { path: 'newEmail', message: 'same as the current email' },
    ]);
  }
  if (!state.hasPassword) return [{ type: 'EmailChangeConfirmed', data: { newEmail } }];
  return [
    {
      type: 'EmailChangeRequested',
      data: {
        newEmail,
        tokenHash: command.tokenHash,
        expiresAt: addDays(command.now, EMAIL_CHANGE_VALIDITY_DAYS),
      },
    },
  ];
}

/** Refusals: user_deactivated, email_change_invalid (nothing pending, superseded or used), email_change_expired. */
export function decideConfirmEmailChange(
  command: ConfirmEmailChange,
  state: PortalUserState,
): [EmailChangeConfirmed] {
  assertPortalUserExists(state);
  assertNotDeactivated(state);
  const pending = state.pendingEmailChange;
  if (pending === null || pending.tokenHash !== command.tokenHash) {
    throw new DomainError('email_change_invalid', 'This email confirmation link is not valid.');
  }
  if (isExpired(pending.expiresAt, command.now)) {
    throw new DomainError('email_change_expired', 'This email confirmation link has expired.');
  }
  return [{ type: 'EmailChangeConfirmed', data: { newEmail: pending.newEmail } }];
}
