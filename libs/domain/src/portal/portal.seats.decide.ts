import { DomainError } from '../shared/domain-error';
import type { ReleasePortalSeat, TakePortalSeat } from './portal.commands';
import type { PortalEvent } from './portal.events';
import { assertPortalExists } from './portal.preconditions';
import type { PortalState } from './portal.state';

/**
 * A portal user takes a seat when they join the portal. The limit is checked against this
 * stream's own count, so appending at the read revision makes parallel joins safe. Lowering
 * maxUsers below the count is allowed: current users keep their seats, new ones are refused.
 */
export function decideTakePortalSeat(command: TakePortalSeat, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  if (state.seatHolders.includes(command.portalUserId)) return [];
  const { maxUsers } = state.settings;
  if (maxUsers !== null && state.seatHolders.length >= maxUsers) {
    // conflict (409): the request is fine, the portal's current state refuses it.
    throw new DomainError('portal_user_limit', `This portal allows at most ${maxUsers} users`, 'conflict');
  }
  return [
    { type: 'PortalSeatTaken', data: { portalId: command.portalId, portalUserId: command.portalUserId } },
  ];
}

export function decideReleasePortalSeat(command: ReleasePortalSeat, state: PortalState): PortalEvent[] {
  assertPortalExists(state);
  if (!state.seatHolders.includes(command.portalUserId)) return [];
  return [
    { type: 'PortalSeatReleased', data: { portalId: command.portalId, portalUserId: command.portalUserId } },
  ];
}
