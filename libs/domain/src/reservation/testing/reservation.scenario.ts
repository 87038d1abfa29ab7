// Given/then for the Reservation specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { ReservationEvent } from '../reservation.events';
import { evolveReservation } from '../reservation.evolve';
import { initialReservationState, type ReservationState } from '../reservation.state';

export { problem, refusal } from '../../shared/testing/refusal';

export function given(events: ReservationEvent[]): ReservationState {
  return fold(evolveReservation, initialReservationState, events);
}
