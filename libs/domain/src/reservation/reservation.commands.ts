import type { ReservationKind } from './reservation.events';

export interface ReserveUniqueValue {
  kind: ReservationKind;
  /** Raw value; the decider normalises it the same way as `reservationStream`. */
  value: string;
  ownerId: string;
}

export interface ReleaseUniqueValue {
  kind: ReservationKind;
  value: string;
  ownerId: string;
}
