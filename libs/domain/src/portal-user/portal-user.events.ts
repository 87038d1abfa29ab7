import type { PortalDashlet } from '../portal/portal.configuration';
import type { DomainEvent } from '../shared/decider';

// 'restricted' and 'consent_required' came later: older events never carry them.
export type LoginFailureReason =
  | 'bad_password'
  | 'no_password'
  | 'deactivated'
  | 'suspended'
  | 'restricted'
  | 'not_in_portal'
  | 'outside_support_period'
  | 'consent_required';

export type LogoutReason = 'logout' | 'idle_timeout' | 'expired';

export type PasswordSetReason = 'invitation' | 'reset';

/** The profile fields a portal user may change about themselves (PATCH /me). */
export interface ProfileFields {
  firstName: string;
  lastName: string;
  phone: string | null;
  language: string | null;
  /** Since the start: every case email on or off (true means what `caseNotifications: 'all'` means). */
  notifyOnCaseUpdates: boolean;
  /** Added later, beside it: which followed records mail this user. */
  caseNotifications: CaseNotifications;
}

/** Emails about followed records: every update, only records I created, or none. */
export const CASE_NOTIFICATION_LEVELS = ['all', 'own', 'none'] as const;
export type CaseNotifications = (typeof CASE_NOTIFICATION_LEVELS)[number];

export type ProfileChanges = {
  [K in keyof ProfileFields]?: { from: ProfileFields[K]; to: ProfileFields[K] };
};

// The id is in the data because evolve sees no stream name, and the state must know its own id.
export type PortalUserCreated = DomainEvent<
  'PortalUserCreated',
  {
    portalUserId: string;
    email: string;
    firstName: string;
    lastName: string;
    contactId: string | null;
    accountIds: string[];
    portalIds: string[];
    roleIds: string[];
  }
>;
export type PortalUserAccountsChanged = DomainEvent<
  'PortalUserAccountsChanged',
  { from: string[]; to: string[] }
>;
export type PortalUserAddedToPortal = DomainEvent<'PortalUserAddedToPortal', { portalId: string }>;
export type PortalUserRemovedFromPortal = DomainEvent<'PortalUserRemovedFromPortal', { portalId: string }>;
export type PortalUserTransferred = DomainEvent<
  'PortalUserTransferred',
  { fromPortalId: string; toPortalId: string }
>;
// Same type names as the portal's role events; `target` tells them apart.
export type PortalUserRoleAssigned = DomainEvent<
  'RoleAssigned',
  { target: 'portalUser'; portalUserId: string; roleId: string }
>;
export type PortalUserRoleUnassigned = DomainEvent<
  'RoleUnassigned',
  { target: 'portalUser'; portalUserId: string; roleId: string }
>;
export type InvitationSent = DomainEvent<
  'InvitationSent',
  { invitationId: string; portalId: string; tokenHash: string; expiresAt: string; resend: boolean }
>;
export type InvitationAccepted = DomainEvent<
  'InvitationAccepted',
  { invitationId: string; portalId: string }
>;
export type InvitationExpired = DomainEvent<'InvitationExpired', { invitationId: string; portalId: string }>;
export type PortalUserPasswordSet = DomainEvent<'PortalUserPasswordSet', { reason: PasswordSetReason }>;
export type PasswordResetRequested = DomainEvent<
  'PasswordResetRequested',
  { resetId: string; portalId: string; tokenHash: string; expiresAt: string }
>;
export type PasswordReset = DomainEvent<'PasswordReset', { resetId: string }>;
export type PortalUserActivated = DomainEvent<'PortalUserActivated', Record<string, never>>;
export type PortalUserDeactivated = DomainEvent<'PortalUserDeactivated', Record<string, never>>;
export type EmailChangeRequested = DomainEvent<
  'EmailChangeRequested',
  { newEmail: string; tokenHash: string; expiresAt: string }
>;
export type EmailChangeConfirmed = DomainEvent<'EmailChangeConfirmed', { newEmail: string }>;
export type SupportPeriodSet = DomainEvent<'SupportPeriodSet', { start: string; end: string }>;
export type SupportPeriodCleared = DomainEvent<'SupportPeriodCleared', Record<string, never>>;
export type PortalUserLoggedIn = DomainEvent<
  'PortalUserLoggedIn',
  { portalId: string; sessionId: string; ip: string; userAgent: string; at: string }
>;
export type PortalUserLoginFailed = DomainEvent<
  'PortalUserLoginFailed',
  { portalId: string; reason: LoginFailureReason; ip: string; userAgent: string; at: string }
>;
export type PortalUserLoggedOut = DomainEvent<
  'PortalUserLoggedOut',
  { portalId: string; sessionId: string; reason: LogoutReason; at: string }
>;
export type PortalUserDashboardLayoutSet = DomainEvent<
  'PortalUserDashboardLayoutSet',
  { layout: PortalDashlet[] | null }
>;
export type PortalUserProfileUpdated = DomainEvent<'PortalUserProfileUpdated', { changes: ProfileChanges }>;
/** The user accepted this version of the portal's terms/privacy text. Ids and the version only. */
export type ConsentGiven = DomainEvent<'ConsentGiven', { portalId: string; version: string }>;
/** The user took their consent to that version back: their sessions there end, logins need it again. */
export type ConsentWithdrawn = DomainEvent<'ConsentWithdrawn', { portalId: string; version: string }>;
/** Processing of the data subject `subjectId` (this user, or their contact) is restricted: no login, no email. */
export type ProcessingRestricted = DomainEvent<'ProcessingRestricted', { subjectId: string }>;
export type ProcessingRestrictionLifted = DomainEvent<'ProcessingRestrictionLifted', { subjectId: string }>;

export type PortalUserEvent =
  | PortalUserCreated
  | PortalUserAccountsChanged
  | PortalUserAddedToPortal
  | PortalUserRemovedFromPortal
  | PortalUserTransferred
  | PortalUserRoleAssigned
  | PortalUserRoleUnassigned
  | InvitationSent
  | InvitationAccepted
  | InvitationExpired
  | PortalUserPasswordSet
  | PasswordResetRequested
  | PasswordReset
  | PortalUserActivated
  | PortalUserDeactivated
  | EmailChangeRequested
  | EmailChangeConfirmed
  | SupportPeriodSet
  | SupportPeriodCleared
  | PortalUserLoggedIn
  | PortalUserLoginFailed
  | PortalUserLoggedOut
  | PortalUserDashboardLayoutSet
  | PortalUserProfileUpdated
  | ConsentGiven
  | ConsentWithdrawn
  | ProcessingRestricted
  | ProcessingRestrictionLifted;

/** Every type string of this stream, all at version 1. */
export const PORTAL_USER_EVENT_TYPES = [
  'PortalUserCreated',
  'PortalUserAccountsChanged',
  'PortalUserAddedToPortal',
  'PortalUserRemovedFromPortal',
  'PortalUserTransferred',
  'RoleAssigned',
  'RoleUnassigned',
  'InvitationSent',
  'InvitationAccepted',
  'InvitationExpired',
  'PortalUserPasswordSet',
  'PasswordResetRequested',
  'PasswordReset',
  'PortalUserActivated',
  'PortalUserDeactivated',
  'EmailChangeRequested',
  'EmailChangeConfirmed',
  'SupportPeriodSet',
  'SupportPeriodCleared',
  'PortalUserLoggedIn',
  'PortalUserLoginFailed',
  'PortalUserLoggedOut',
  'PortalUserDashboardLayoutSet',
  'PortalUserProfileUpdated',
  'ConsentGiven',
  'ConsentWithdrawn',
  'ProcessingRestricted',
  'ProcessingRestrictionLifted',
] as const satisfies readonly PortalUserEvent['type'][];

// Fails to compile when a type of the union is missing from the list above.
type UnlistedType = Exclude<PortalUserEvent['type'], (typeof PORTAL_USER_EVENT_TYPES)[number]>;
const _everyTypeListed: [UnlistedType] extends [never] ? true : never = true;
