import type { PortalUserState } from './portal-user.state';
import { portalUserStatus } from './portal-user.status';
import { isWithinSupportPeriod } from './portal-user.support-period';

/**
 * Whether the portal user may use this portal at this moment: active (not deactivated, suspended
 * or still invited), not restricted, a member of it, and inside their support period. Every request
 * of theirs is judged by it, and so is every view of a share link they made. (Consent is judged
 * beside it, hasRequiredConsent: a user without it keeps a session that may only accept.)
 */
export function mayUsePortal(state: PortalUserState, portalId: string, now: string): boolean {
  return (
    state.exists &&
    portalUserStatus(state) === 'active' &&
    !state.restricted &&
    state.portalIds.includes(portalId) &&
    isWithinSupportPeriod(state, now)
  );
}
