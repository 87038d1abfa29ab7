import { DomainError, type DomainErrorKind } from '../shared/domain-error';
import type { PortalUserState } from './portal-user.state';

export function assertPortalUserExists(state: PortalUserState): void {
  if (!state.exists) {
    throw new DomainError('portal_user_not_found', 'Portal user not found.', 'not-found');
  }
}

export function assertNotDeactivated(state: PortalUserState, kind: DomainErrorKind = 'forbidden'): void {
  if (state.deactivated) {
    throw new DomainError('user_deactivated', 'The portal user is deactivated.', kind);
  }
}

export function assertInPortal(
  state: PortalUserState,
  portalId: string,
  kind: DomainErrorKind = 'invalid',
): void {
  if (!state.portalIds.includes(portalId)) {
    throw new DomainError('not_in_portal', 'The portal user is not a member of this portal.', kind);
  }
}

/** Expired when `now` is at or after `expiresAt`. */
export function isExpired(expiresAt: string, now: string): boolean {
  return Date.parse(now) >= Date.parse(expiresAt);
}
