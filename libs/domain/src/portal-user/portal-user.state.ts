import type { CaseNotifications } from './portal-user.events';
import type { PortalDashlet } from '../portal/portal.configuration';

/** The latest invitation to one portal; a resend replaces it, so older tokens stop working. */
export interface InvitationState {
  invitationId: string;
  portalId: string;
  tokenHash: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'expired';
}

/** The latest password reset; a new request replaces it. */
export interface PasswordResetState {
  resetId: string;
  portalId: string;
  tokenHash: string;
  expiresAt: string;
  used: boolean;
}

export interface PendingEmailChange {
  newEmail: string;
  tokenHash: string;
  expiresAt: string;
}

/** ISO dates (YYYY-MM-DD), both inclusive. */
export interface SupportPeriod {
  start: string;
  end: string;
}

export interface PortalUserPreferences {
  language: string | null;
  /** Derived: false exactly when caseNotifications is 'none' (kept for the profile's older clients). */
  notifyOnCaseUpdates: boolean;
  caseNotifications: CaseNotifications;
}

export interface PortalUserState {
  /** False until PortalUserCreated: every command but creation refuses a user that does not exist. */
  exists: boolean;
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  contactId: string | null;
  accountIds: string[];
  portalIds: string[];
  roleIds: string[];
  deactivated: boolean;
  hasPassword: boolean;
  /** Keyed by portal id. */
  invitations: Record<string, InvitationState>;
  passwordReset: PasswordResetState | null;
  pendingEmailChange: PendingEmailChange | null;
  supportPeriod: SupportPeriod | null;
  /** Null: the portal's layout applies. */
  dashboardLayout: PortalDashlet[] | null;
  preferences: PortalUserPreferences;
  lastLoginAt: string | null;
  /** The consent version the user accepted, keyed by portal id (none: no key). */
  consents: Record<string, string>;
  /** Processing restricted (a data subject's right): no login, no email, until lifted. */
  restricted: boolean;
}

export const initialPortalUserState: PortalUserState = {
  exists: false,
  id: '',
  email: '',
  firstName: '',
  lastName: '',
  phone: null,
  contactId: null,
  accountIds: [],
  portalIds: [],
  roleIds: [],
  deactivated: false,
  hasPassword: false,
  invitations: {},
  passwordReset: null,
  pendingEmailChange: null,
  supportPeriod: null,
  dashboardLayout: null,
  preferences: { language: null, notifyOnCaseUpdates: true, caseNotifications: 'all' },
  lastLoginAt: null,
  consents: {},
  restricted: false,
};
