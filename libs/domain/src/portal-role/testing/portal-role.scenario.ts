// Given/then for the PortalRole specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { PortalRoleEvent } from '../portal-role.events';
import { evolvePortalRole } from '../portal-role.evolve';
import { initialPortalRoleState, type PortalRoleState } from '../portal-role.state';

export { problem, refusal } from '../../shared/testing/refusal';

export function given(events: PortalRoleEvent[]): PortalRoleState {
  return fold(evolvePortalRole, initialPortalRoleState, events);
}
