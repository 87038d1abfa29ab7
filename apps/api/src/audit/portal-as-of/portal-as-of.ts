import { type EffectivePermissions, type RoleDefinition, mergeRoles } from '@portal/acl';
import {
  type PortalEvent,
  type PortalRoleEvent,
  type PortalState,
  evolvePortal,
  evolvePortalRole,
  fold,
  initialPortalRoleState,
  initialPortalState,
  toRoleDefinition,
} from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import { eventsAsOf, foldedUpTo } from '../events-as-of';

export interface RoleAsOf {
  id: string;
  /** `deleted`: the role was deleted by then and grants nothing; `missing`: it did not exist yet. */
  status: 'active' | 'deleted' | 'missing';
  definition: RoleDefinition | null;
}

/** A portal as it was at a moment: its settings, its roles as they were, what they allowed. */
export interface PortalAsOf {
  id: string;
  asOf: string;
  /** Revision and time of the last portal event folded. */
  revision: number;
  at: string;
  state: Omit<PortalState, 'exists'>;
  roles: RoleAsOf[];
  permissions: EffectivePermissions;
}

function asDomain<E>(events: readonly RecordedEvent[]): E[] {
  return events.map((event) => ({ type: event.type, data: event.data }) as E);
}

export function roleAsOf(id: string, roleEvents: readonly RecordedEvent[], asOfMs: number): RoleAsOf {
  const state = fold(
    evolvePortalRole,
    initialPortalRoleState,
    asDomain<PortalRoleEvent>(eventsAsOf(roleEvents, asOfMs)),
  );
  const definition = toRoleDefinition(state);
  return { id, status: definition ? 'active' : state.exists ? 'deleted' : 'missing', definition };
}

/**
 * Folds a portal's stream and its roles' streams up to `asOfMs`. Null when the portal did not
 * exist then. `roleEvents` gives the stream of each role id the portal held.
 */
export function portalAsOf(
  id: string,
  portalEvents: readonly RecordedEvent[],
  roleEvents: (roleId: string) => readonly RecordedEvent[],
  asOfMs: number,
): PortalAsOf | null {
  const events = eventsAsOf(portalEvents, asOfMs);
  const { exists, ...state } = fold(evolvePortal, initialPortalState, asDomain<PortalEvent>(events));
  if (!exists) return null;
  const roles = state.roleIds.map((roleId) => roleAsOf(roleId, roleEvents(roleId), asOfMs));
  const definitions = roles.flatMap((role) => (role.definition ? [role.definition] : []));
  return {
    id,
    asOf: new Date(asOfMs).toISOString(),
    ...foldedUpTo(events),
    state,
    roles,
    permissions: mergeRoles(definitions),
  };
}
