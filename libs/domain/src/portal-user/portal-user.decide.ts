import { decideActivatePortalUser, decideDeactivatePortalUser } from './portal-user.activation.decide';
import type { PortalUserCommand } from './portal-user.commands';
import { decideGiveConsent, decideWithdrawConsent } from './portal-user.consent.decide';
import { decideLiftProcessingRestriction, decideRestrictProcessing } from './portal-user.restriction.decide';
import { decideChangePortalUserAccounts, decideCreatePortalUser } from './portal-user.create.decide';
import { decideConfirmEmailChange, decideRequestEmailChange } from './portal-user.email-change.decide';
import type { PortalUserEvent } from './portal-user.events';
import {
  decideAcceptInvitation,
  decideExpireInvitations,
  decideSendInvitation,
} from './portal-user.invitation.decide';
import { decideLogin, decideLogout } from './portal-user.login.decide';
import {
  decideAddPortalUserToPortal,
  decideAssignPortalUserRole,
  decideRemovePortalUserFromPortal,
  decideTransferPortalUser,
  decideUnassignPortalUserRole,
} from './portal-user.membership.decide';
import { decideRequestPasswordReset, decideResetPassword } from './portal-user.password.decide';
import {
  decideSetPortalUserDashboardLayout,
  decideUpdatePortalUserProfile,
} from './portal-user.profile.decide';
import type { PortalUserState } from './portal-user.state';
import { decideClearSupportPeriod, decideSetSupportPeriod } from './portal-user.support-period';

/**
 * One entry point for every PortalUser command (the per-command deciders live in files by topic).
 * Returns the events to append ([] for a no-op) or throws a DomainError.
 */
export function decidePortalUser(command: PortalUserCommand, state: PortalUserState): PortalUserEvent[] {
  switch (command.type) {
    case 'CreatePortalUser':
      return decideCreatePortalUser(command, state);
    case 'ChangePortalUserAccounts':
      return decideChangePortalUserAccounts(command, state);
    case 'AddPortalUserToPortal':
      return decideAddPortalUserToPortal(command, state);
    case 'RemovePortalUserFromPortal':
      return decideRemovePortalUserFromPortal(command, state);
    case 'TransferPortalUser':
      return decideTransferPortalUser(command, state);
    case 'AssignPortalUserRole':
      return decideAssignPortalUserRole(command, state);
    case 'UnassignPortalUserRole':
      return decideUnassignPortalUserRole(command, state);
    case 'SendInvitation':
      return decideSendInvitation(command, state);
    case 'AcceptInvitation':
      return decideAcceptInvitation(command, state);
    case 'ExpireInvitations':
      return decideExpireInvitations(command, state);
    case 'RequestPasswordReset':
      return decideRequestPasswordReset(command, state);
    case 'ResetPassword':
      return decideResetPassword(command, state);
    case 'ActivatePortalUser':
      return decideActivatePortalUser(command, state);
    case 'DeactivatePortalUser':
      return decideDeactivatePortalUser(command, state);
    case 'RequestEmailChange':
      return decideRequestEmailChange(command, state);
    case 'ConfirmEmailChange':
      return decideConfirmEmailChange(command, state);
    case 'SetSupportPeriod':
      return decideSetSupportPeriod(command, state);
    case 'ClearSupportPeriod':
      return decideClearSupportPeriod(command, state);
    case 'LogIn':
      return decideLogin(command, state);
    case 'LogOut':
      return decideLogout(command, state);
    case 'SetPortalUserDashboardLayout':
      return decideSetPortalUserDashboardLayout(command, state);
    case 'UpdatePortalUserProfile':
      return decideUpdatePortalUserProfile(command, state);
    case 'GiveConsent':
      return decideGiveConsent(command, state);
    case 'WithdrawConsent':
      return decideWithdrawConsent(command, state);
    case 'RestrictProcessing':
      return decideRestrictProcessing(command, state);
    case 'LiftProcessingRestriction':
      return decideLiftProcessingRestriction(command, state);
  }
}
