import type { PortalUserState } from './portal-user.state';

export type PortalUserStatus = 'active' | 'invited' | 'suspended' | 'deactivated';

/**
 * The status the admin list filters on, first match wins:
 * deactivated (staff turned access off), suspended (an email change awaits confirmation),
 * invited (no password yet, whether or not an invitation was sent or has expired), else active.
 * No status depends on the clock: an expired invitation still leaves the user 'invited', and a
 * support period only gates logins (see isWithinSupportPeriod).
 */
export function portalUserStatus(state: PortalUserState): PortalUserStatus {
  if (state.deactivated) return 'deactivated';
  if (state.pendingEmailChange !== null) return 'suspended';
  if (!state.hasPassword) return 'invited';
  return 'active';
}
