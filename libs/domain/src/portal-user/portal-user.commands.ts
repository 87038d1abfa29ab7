import type { PortalDashlet } from '../portal/portal.configuration';
import type { LogoutReason } from './portal-user.events';

/**
 * Commands of the PortalUser aggregate. Time (`now`, ISO), ids and token hashes (SHA-256 hex of
 * the token the API generated or received) come in here, so the deciders stay pure.
 */

/** The contact as the handler read it: its current email, names and accounts. */
export interface ContactSnapshot {
  contactId: string;
  email: string | null;
  firstName: string;
  lastName: string;
  accountIds: string[];
  /** The contact was deleted (or is in the recycle bin). */
  deleted: boolean;
}

export interface CreatePortalUser {
  type: 'CreatePortalUser';
  portalUserId: string;
  source:
    | { kind: 'contact'; contact: ContactSnapshot }
    | { kind: 'new'; email: string; firstName: string; lastName: string };
  portalIds: string[];
  roleIds: string[];
  /** Company domains (e.g. `acme.com`): staff may not become portal users. */
  staffEmailDomains: readonly string[];
}

/** The linked contact's accounts changed: the user's account-level access follows them. */
export interface ChangePortalUserAccounts {
  type: 'ChangePortalUserAccounts';
  accountIds: string[];
}

export interface AddPortalUserToPortal {
  type: 'AddPortalUserToPortal';
  portalId: string;
}

export interface RemovePortalUserFromPortal {
  type: 'RemovePortalUserFromPortal';
  portalId: string;
}

export interface TransferPortalUser {
  type: 'TransferPortalUser';
  fromPortalId: string;
  toPortalId: string;
}

export interface AssignPortalUserRole {
  type: 'AssignPortalUserRole';
  roleId: string;
}

export interface UnassignPortalUserRole {
  type: 'UnassignPortalUserRole';
  roleId: string;
}

export interface SendInvitation {
  type: 'SendInvitation';
  invitationId: string;
  portalId: string;
  tokenHash: string;
  now: string;
  staffEmailDomains: readonly string[];
  /** The linked contact was deleted; false for a user without contact. */
  contactDeleted: boolean;
}

export interface AcceptInvitation {
  type: 'AcceptInvitation';
  /** The portal whose accept-invitation URL the token was presented to. */
  portalId: string;
  tokenHash: string;
  now: string;
  /** The consent version the portal requires now (null: none) and the one the user accepted with the call. */
  consent?: ConsentTerms;
}

/** What a portal requires (its settings) and what the caller accepted with this very request. */
export interface ConsentTerms {
  required: string | null;
  accepted: string | null;
}

export interface GiveConsent {
  type: 'GiveConsent';
  portalId: string;
  version: string;
  /** The version the portal requires now; null when it requires none. */
  required: string | null;
}

export interface WithdrawConsent {
  type: 'WithdrawConsent';
  portalId: string;
  version: string;
}

export interface RestrictProcessing {
  type: 'RestrictProcessing';
  subjectId: string;
}

export interface LiftProcessingRestriction {
  type: 'LiftProcessingRestriction';
  subjectId: string;
}

/** Housekeeping: marks every pending invitation past its expiry as expired. */
export interface ExpireInvitations {
  type: 'ExpireInvitations';
  now: string;
}

export interface RequestPasswordReset {
  type: 'RequestPasswordReset';
  resetId: string;
  /** The portal whose forgot-password URL was used; the mailed link points to it. */
  portalId: string;
  tokenHash: string;
  now: string;
}

export interface ResetPassword {
  type: 'ResetPassword';
  portalId: string;
  tokenHash: string;
  now: string;
}

export interface ActivatePortalUser {
  type: 'ActivatePortalUser';
}

export interface DeactivatePortalUser {
  type: 'DeactivatePortalUser';
}

export interface RequestEmailChange {
  type: 'RequestEmailChange';
  newEmail: string;
  tokenHash: string;
  now: string;
  staffEmailDomains: readonly string[];
}

export interface ConfirmEmailChange {
  type: 'ConfirmEmailChange';
  tokenHash: string;
  now: string;
}

export interface SetSupportPeriod {
  type: 'SetSupportPeriod';
  start: string;
  end: string;
}

export interface ClearSupportPeriod {
  type: 'ClearSupportPeriod';
}

/** A login attempt; the API compared the password with the credential store and says how it went. */
export interface LogIn {
  type: 'LogIn';
  portalId: string;
  passwordOk: boolean;
  sessionId: string;
  ip: string;
  userAgent: string;
  now: string;
  /** The portal's consent requirement and what the login form accepted (absent: none required). */
  consent?: ConsentTerms;
}

export interface LogOut {
  type: 'LogOut';
  portalId: string;
  sessionId: string;
  reason: LogoutReason;
  now: string;
}

export interface SetPortalUserDashboardLayout {
  type: 'SetPortalUserDashboardLayout';
  /** Null: go back to the portal's layout. */
  layout: PortalDashlet[] | null;
}

/** PATCH /me: raw field names so the decider can refuse the ones a portal user may not change. */
export interface UpdatePortalUserProfile {
  type: 'UpdatePortalUserProfile';
  changes: Readonly<Record<string, unknown>>;
}

export type PortalUserCommand =
  | CreatePortalUser
  | ChangePortalUserAccounts
  | AddPortalUserToPortal
  | RemovePortalUserFromPortal
  | TransferPortalUser
  | AssignPortalUserRole
  | UnassignPortalUserRole
  | SendInvitation
  | AcceptInvitation
  | ExpireInvitations
  | RequestPasswordReset
  | ResetPassword
  | ActivatePortalUser
  | DeactivatePortalUser
  | RequestEmailChange
  | ConfirmEmailChange
  | SetSupportPeriod
  | ClearSupportPeriod
  | LogIn
  | LogOut
  | SetPortalUserDashboardLayout
  | UpdatePortalUserProfile
  | GiveConsent
  | WithdrawConsent
  | RestrictProcessing
  | LiftProcessingRestriction;
