import type { LogIn, LogOut } from './portal-user.commands';
import { hasRequiredConsent } from './portal-user.consent.decide';
import type {
  ConsentGiven,
  LoginFailureReason,
  PortalUserLoggedIn,
  PortalUserLoggedOut,
  PortalUserLoginFailed,
} from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';
import { isWithinSupportPeriod } from './portal-user.support-period';
import { portalUserStatus } from './portal-user.status';

/**
 * Why a login fails, first match wins. Credentials come first, so the audit log only records an
 * account-state reason (deactivated, suspended, …) for someone who knew the password, while
 * guesses by others show up as bad_password. The API answers 401 alike for every reason.
 */
export function loginFailureReason(command: LogIn, state: PortalUserState): LoginFailureReason | null {
  if (!state.hasPassword) return 'no_password';
  if (!command.passwordOk) return 'bad_password';
  const status = portalUserStatus(state);
  if (status === 'deactivated') return 'deactivated';
  if (status === 'suspended') return 'suspended';
  if (state.restricted) return 'restricted';
  if (!state.portalIds.includes(command.portalId)) return 'not_in_portal';
  if (!isWithinSupportPeriod(state, command.now)) return 'outside_support_period';
  const required = command.consent?.required ?? null;
  if (!hasRequiredConsent(state, command.portalId, required) && command.consent?.accepted !== required) {
    return 'consent_required';
  }
  return null;
}

/**
 * Never throws for a refused login (except for a user that does not exist): failures are recorded
 * too. A login that accepts the portal's required consent version records ConsentGiven before it.
 */
export function decideLogin(
  command: LogIn,
  state: PortalUserState,
): [PortalUserLoggedIn] | [PortalUserLoginFailed] | [ConsentGiven, PortalUserLoggedIn] {
  assertPortalUserExists(state);
  const { portalId, ip, userAgent, now } = command;
  const reason = loginFailureReason(command, state);
  if (reason !== null) {
    return [{ type: 'PortalUserLoginFailed', data: { portalId, reason, ip, userAgent, at: now } }];
  }
  const loggedIn: PortalUserLoggedIn = {
    type: 'PortalUserLoggedIn',
    data: { portalId, sessionId: command.sessionId, ip, userAgent, at: now },
  };
  const required = command.consent?.required ?? null;
  if (required === null || hasRequiredConsent(state, portalId, required)) return [loggedIn];
  return [{ type: 'ConsentGiven', data: { portalId, version: required } }, loggedIn];
}

/** Sessions live in the API's session store, which knows whether the session was live; this only records it. */
export function decideLogout(command: LogOut, state: PortalUserState): [PortalUserLoggedOut] {
  assertPortalUserExists(state);
  const { portalId, sessionId, reason, now } = command;
  return [{ type: 'PortalUserLoggedOut', data: { portalId, sessionId, reason, at: now } }];
}
