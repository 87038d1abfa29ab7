import type { ActivatePortalUser, DeactivatePortalUser } from './portal-user.commands';
import type { PortalUserActivated, PortalUserDeactivated } from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

export function decideActivatePortalUser(
  _command: ActivatePortalUser,
  state: PortalUserState,
): PortalUserActivated[] {
  assertPortalUserExists(state);
  return state.deactivated ? [{ type: 'PortalUserActivated', data: {} }] : [];
}

/** A deactivated user cannot log in, accept invitations or reset the password; the API ends their sessions. */
export function decideDeactivatePortalUser(
  _command: DeactivatePortalUser,
  state: PortalUserState,
): PortalUserDeactivated[] {
  assertPortalUserExists(state);
  return state.deactivated ? [] : [{ type: 'PortalUserDeactivated', data: {} }];
}
