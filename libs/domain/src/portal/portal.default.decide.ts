import type { MakePortalDefault, UnsetPortalDefault } from './portal.commands';
import type { PortalEvent } from './portal.events';
import { assertPortalExists } from './portal.preconditions';
import type { PortalState } from './portal.state';

/**
 * Only this portal's side: at most one portal is default, so the API also decides
 * UnsetPortalDefault (replacedBy: this portal) on the old default's stream.
 */
export function decideMakePortalDefault(command: MakePortalDefault, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  if (state.isDefault) return [];
  return [{ type: 'PortalMadeDefault', data: { portalId: command.portalId } }];
}

export function decideUnsetPortalDefault(command: UnsetPortalDefault, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  if (!state.isDefault) return [];
  return [
    {
      type: 'PortalDefaultUnset',
      data: { portalId: command.portalId, replacedBy: command.replacedBy ?? null },
    },
  ];
}
