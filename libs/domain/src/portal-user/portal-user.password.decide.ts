import { DomainError } from '../shared/domain-error';
import type { RequestPasswordReset, ResetPassword } from './portal-user.commands';
import type { PasswordReset, PasswordResetRequested, PortalUserPasswordSet } from './portal-user.events';
import {
  assertInPortal,
  assertNotDeactivated,
  assertPortalUserExists,
  isExpired,
} from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

export const PASSWORD_RESET_VALIDITY_MS = 60 * 60 * 1000;

/**
 * Refusals: user_deactivated, not_in_portal, no_password (an invited user sets the first password
 * through the invitation). The API answers 202 whatever happens here, so nobody learns which
 * emails exist. A new request replaces the previous one, whose token then stops working.
 */
export function decideRequestPasswordReset(
  command: RequestPasswordReset,
  state: PortalUserState,
): PasswordResetRequested[] {
  assertPortalUserExists(state);
  assertNotDeactivated(state);
  assertInPortal(state, command.portalId);
  if (!state.hasPassword) {
    throw new DomainError('no_password', 'The portal user has not accepted an invitation yet.');
  }
  return [
    {
      type: 'PasswordResetRequested',
      data: {
        resetId: command.resetId,
        portalId: command.portalId,
        tokenHash: command.tokenHash,
        expiresAt: new Date(Date.parse(command.now) + PASSWORD_RESET_VALIDITY_MS).toISOString(),
      },
    },
  ];
}

/** Refusals: user_deactivated, reset_invalid (unknown, superseded, other portal), reset_used, reset_expired. */
export function decideResetPassword(
  command: ResetPassword,
  state: PortalUserState,
): [PasswordReset, PortalUserPasswordSet] {
  assertPortalUserExists(state);
  assertNotDeactivated(state);
  const reset = state.passwordReset;
  if (reset === null || reset.tokenHash !== command.tokenHash || reset.portalId !== command.portalId) {
    throw new DomainError('reset_invalid', 'This password reset link is not valid.');
  }
  if (reset.used) throw new DomainError('reset_used', 'This password reset link was already used.');
  if (isExpired(reset.expiresAt, command.now)) {
    throw new DomainError('reset_expired', 'This password reset link has expired.');
  }
  return [
    { type: 'PasswordReset', data: { resetId: reset.resetId } },
    { type: 'PortalUserPasswordSet', data: { reason: 'reset' } },
  ];
}
