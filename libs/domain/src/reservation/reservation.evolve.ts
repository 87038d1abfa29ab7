import type { ReservationEvent } from './reservation.events';
import type { ReservationState } from './reservation.state';

export function evolveReservation(state: ReservationState, event: ReservationEvent): ReservationState {
  switch (event.type) {
    case 'UniqueValueReserved':
      return { ownerId: event.data.ownerId };
    case 'UniqueValueReleased':
      return { ownerId: null };
    default:
      return state;
  }
}
