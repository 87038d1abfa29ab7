import { withDefaultSettings } from './portal.configuration';
import type { PortalChanges, PortalEvent } from './portal.events';
import { PORTAL_BRANDING_KEYS, PORTAL_SETTINGS_KEYS, PORTAL_TOP_LEVEL_CHANGE_KEYS } from './portal.events';
import type { PortalState } from './portal.state';

// Walks the known keys rather than the event's own, so a malformed event cannot set anything else.
function applyChanges(state: PortalState, changes: PortalChanges): PortalState {
  const next: PortalState = { ...state, settings: { ...state.settings }, branding: { ...state.branding } };
  for (const key of PORTAL_TOP_LEVEL_CHANGE_KEYS) {
    const change = changes[key];
    if (change) Object.assign(next, { [key]: change.to });
  }
  for (const key of PORTAL_SETTINGS_KEYS) {
    const change = changes[`settings.${key}`];
    if (change) Object.assign(next.settings, { [key]: change.to });
  }
  for (const key of PORTAL_BRANDING_KEYS) {
    const change = changes[`branding.${key}`];
    if (change) next.branding[key] = change.to;
  }
  return next;
}

export function evolvePortal(state: PortalState, event: PortalEvent): PortalState {
  switch (event.type) {
    case 'PortalCreated': {
      const { portalId, ...data } = event.data;
      return {
        ...state,
        ...data,
        settings: withDefaultSettings(data.settings),
        exists: true,
        id: portalId,
        seatHolders: [],
      };
    }
    case 'PortalRenamed':
      return { ...state, name: event.data.to };
    case 'PortalSlugChanged':
      return { ...state, slug: event.data.to, url: event.data.url.to };
    case 'PortalSettingsChanged':
      return applyChanges(state, event.data.changes);
    case 'PortalActivated':
      return { ...state, isActive: true };
    case 'PortalDeactivated':
      return { ...state, isActive: false };
    case 'PortalMadeDefault':
      return { ...state, isDefault: true };
    case 'PortalDefaultUnset':
      return { ...state, isDefault: false };
    case 'RoleAssigned':
      return state.roleIds.includes(event.data.roleId)
        ? state
        : { ...state, roleIds: [...state.roleIds, event.data.roleId] };
    case 'RoleUnassigned':
      return { ...state, roleIds: state.roleIds.filter((id) => id !== event.data.roleId) };
    case 'PortalSeatTaken':
      return state.seatHolders.includes(event.data.portalUserId)
        ? state
        : { ...state, seatHolders: [...state.seatHolders, event.data.portalUserId] };
    case 'PortalSeatReleased':
      return { ...state, seatHolders: state.seatHolders.filter((id) => id !== event.data.portalUserId) };
    default:
      return state;
  }
}
