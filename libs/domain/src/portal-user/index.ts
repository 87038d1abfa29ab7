export * from './portal-user.events';
export * from './portal-user.state';
export * from './portal-user.commands';
export { evolvePortalUser } from './portal-user.evolve';
export { portalUserStream } from './portal-user.stream';
export { normalizeEmail, isValidEmail, isStaffEmail, assertUsableEmail } from './portal-user.email';
export { decidePortalUser } from './portal-user.decide';
export { decideCreatePortalUser, decideChangePortalUserAccounts } from './portal-user.create.decide';
export {
  decideAddPortalUserToPortal,
  decideRemovePortalUserFromPortal,
  decideTransferPortalUser,
  decideAssignPortalUserRole,
  decideUnassignPortalUserRole,
} from './portal-user.membership.decide';
export {
  INVITATION_VALIDITY_DAYS,
  decideSendInvitation,
  decideAcceptInvitation,
  decideExpireInvitations,
} from './portal-user.invitation.decide';
export {
  PASSWORD_RESET_VALIDITY_MS,
  decideRequestPasswordReset,
  decideResetPassword,
} from './portal-user.password.decide';
export { decideActivatePortalUser, decideDeactivatePortalUser } from './portal-user.activation.decide';
export {
  EMAIL_CHANGE_VALIDITY_DAYS,
  decideRequestEmailChange,
  decideConfirmEmailChange,
} from './portal-user.email-change.decide';
export {
  isWithinSupportPeriod,
  hasSupportPeriodEnded,
  decideSetSupportPeriod,
  decideClearSupportPeriod,
} from './portal-user.support-period';
export { decideLogin, decideLogout, loginFailureReason } from './portal-user.login.decide';
export {
  EDITABLE_PROFILE_FIELDS,
  decideUpdatePortalUserProfile,
  decideSetPortalUserDashboardLayout,
} from './portal-user.profile.decide';
export { portalUserStatus, type PortalUserStatus } from './portal-user.status';
export { mayUsePortal } from './portal-user.portal-use';
export {
  hasRequiredConsent,
  consentGivenWith,
  decideGiveConsent,
  decideWithdrawConsent,
} from './portal-user.consent.decide';
export { decideRestrictProcessing, decideLiftProcessingRestriction } from './portal-user.restriction.decide';
export { toAclUser } from './portal-user.acl-user';
export * from './portal-user.errors';
