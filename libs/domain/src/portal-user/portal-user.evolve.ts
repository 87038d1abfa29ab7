import type { CaseNotifications, PortalUserEvent, ProfileChanges } from './portal-user.events';
import type { InvitationState, PortalUserState } from './portal-user.state';

function withItem(list: string[], item: string): string[] {
  return list.includes(item) ? list : [...list, item];
}

function withoutItem(list: string[], item: string): string[] {
  return list.filter((x) => x !== item);
}

function withoutKey<V>(map: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _dropped, ...rest } = map;
  return rest;
}

// Leaving a portal voids what was sent for it: its invitation link and a reset link to it.
function leavePortal(state: PortalUserState, portalId: string): PortalUserState {
  return {
    ...state,
    portalIds: withoutItem(state.portalIds, portalId),
    invitations: withoutKey(state.invitations, portalId),
    passwordReset: state.passwordReset?.portalId === portalId ? null : state.passwordReset,
  };
}

function markInvitation(
  state: PortalUserState,
  portalId: string,
  invitationId: string,
  status: InvitationState['status'],
): PortalUserState {
  const current = state.invitations[portalId];
  if (current?.invitationId !== invitationId) return state;
  return { ...state, invitations: { ...state.invitations, [portalId]: { ...current, status } } };
}

// Links mailed to the old address must not keep working once the address changed.
function keepAcceptedInvitations(
  invitations: Record<string, InvitationState>,
): Record<string, InvitationState> {
  return Object.fromEntries(Object.entries(invitations).filter(([, inv]) => inv.status === 'accepted'));
}

function applyProfileChanges(state: PortalUserState, changes: ProfileChanges): PortalUserState {
  return {
    ...state,
    firstName: changes.firstName ? changes.firstName.to : state.firstName,
    lastName: changes.lastName ? changes.lastName.to : state.lastName,
    phone: changes.phone ? changes.phone.to : state.phone,
    preferences: {
      language: changes.language ? changes.language.to : state.preferences.language,
      ...caseNotificationPreferences(caseNotificationsAfter(state.preferences.caseNotifications, changes)),
    },
  };
}

// An older event's on/off switch means every update or none; the newer field says it directly.
function caseNotificationsAfter(current: CaseNotifications, changes: ProfileChanges): CaseNotifications {
  if (changes.caseNotifications) return changes.caseNotifications.to;
  if (changes.notifyOnCaseUpdates) return changes.notifyOnCaseUpdates.to ? 'all' : 'none';
  return current;
}

function caseNotificationPreferences(level: CaseNotifications) {
  return { notifyOnCaseUpdates: level !== 'none', caseNotifications: level };
}

/** Folds one event of a `portalUser-<id>` stream into the state. Pure and total. */
export function evolvePortalUser(state: PortalUserState, event: PortalUserEvent): PortalUserState {
  switch (event.type) {
    case 'PortalUserCreated': {
      const d = event.data;
      return {
        ...state,
        exists: true,
        id: d.portalUserId,
        email: d.email,
        firstName: d.firstName,
        lastName: d.lastName,
        contactId: d.contactId,
        accountIds: [...d.accountIds],
        portalIds: [...d.portalIds],
        roleIds: [...d.roleIds],
      };
    }
    case 'PortalUserAccountsChanged':
      return { ...state, accountIds: [...event.data.to] };
    case 'PortalUserAddedToPortal':
      return { ...state, portalIds: withItem(state.portalIds, event.data.portalId) };
    case 'PortalUserRemovedFromPortal':
      return leavePortal(state, event.data.portalId);
    case 'PortalUserTransferred': {
      const left = leavePortal(state, event.data.fromPortalId);
      return { ...left, portalIds: withItem(left.portalIds, event.data.toPortalId) };
    }
    case 'RoleAssigned':
      return { ...state, roleIds: withItem(state.roleIds, event.data.roleId) };
    case 'RoleUnassigned':
      return { ...state, roleIds: withoutItem(state.roleIds, event.data.roleId) };
    case 'InvitationSent': {
      const { invitationId, portalId, tokenHash, expiresAt } = event.data;
      return {
        ...state,
        invitations: {
          ...state.invitations,
          [portalId]: { invitationId, portalId, tokenHash, expiresAt, status: 'pending' },
        },
      };
    }
    case 'InvitationAccepted':
      return markInvitation(state, event.data.portalId, event.data.invitationId, 'accepted');
    case 'InvitationExpired':
      return markInvitation(state, event.data.portalId, event.data.invitationId, 'expired');
    case 'PortalUserPasswordSet':
      return { ...state, hasPassword: true };
    case 'PasswordResetRequested':
      return { ...state, passwordReset: { ...event.data, used: false } };
    case 'PasswordReset':
      return state.passwordReset?.resetId === event.data.resetId
        ? { ...state, passwordReset: { ...state.passwordReset, used: true } }
        : state;
    case 'PortalUserActivated':
      return { ...state, deactivated: false };
    case 'PortalUserDeactivated':
      return { ...state, deactivated: true };
    case 'EmailChangeRequested':
      return { ...state, pendingEmailChange: { ...event.data } };
    case 'EmailChangeConfirmed':
      return {
        ...state,
        email: event.data.newEmail,
        pendingEmailChange: null,
        passwordReset: null,
        invitations: keepAcceptedInvitations(state.invitations),
      };
    case 'SupportPeriodSet':
      return { ...state, supportPeriod: { start: event.data.start, end: event.data.end } };
    case 'SupportPeriodCleared':
      return { ...state, supportPeriod: null };
    case 'PortalUserLoggedIn':
      return { ...state, lastLoginAt: event.data.at };
    case 'PortalUserLoginFailed':
    case 'PortalUserLoggedOut':
      return state;
    case 'PortalUserDashboardLayoutSet':
      return { ...state, dashboardLayout: event.data.layout };
    case 'PortalUserProfileUpdated':
      return applyProfileChanges(state, event.data.changes);
    case 'ConsentGiven':
      return { ...state, consents: { ...state.consents, [event.data.portalId]: event.data.version } };
    case 'ConsentWithdrawn': {
      if (state.consents[event.data.portalId] !== event.data.version) return state;
      const { [event.data.portalId]: _withdrawn, ...consents } = state.consents;
      return { ...state, consents };
    }
    case 'ProcessingRestricted':
      return { ...state, restricted: true };
    case 'ProcessingRestrictionLifted':
      return { ...state, restricted: false };
    default:
      // An event type this code does not know (e.g. written by a newer version) changes nothing.
      return state;
  }
}
