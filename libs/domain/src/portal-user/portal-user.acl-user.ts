import type { AclUser } from '@portal/acl';
import { DomainError } from '../shared/domain-error';
import { assertInPortal, assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';
import { portalUserStatus } from './portal-user.status';

/**
 * The user as the ACL sees them inside one portal. Refuses (403) rather than return a user the
 * ACL would then trust: one who is not active (deactivated, suspended, never set a password) or
 * not a member of that portal. The support period is a login rule and is not checked here.
 */
export function toAclUser(state: PortalUserState, portalId: string): AclUser {
  assertPortalUserExists(state);
  const status = portalUserStatus(state);
  if (status === 'deactivated')
    throw new DomainError('user_deactivated', 'The portal user is deactivated.', 'forbidden');
  if (status !== 'active') {
    throw new DomainError(`user_${status}`, `The portal user is ${status}.`, 'forbidden');
  }
  assertInPortal(state, portalId, 'forbidden');
  return {
    portalUserId: state.id,
    portalId,
    contactId: state.contactId,
    accountIds: [...state.accountIds],
  };
}
