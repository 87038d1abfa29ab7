/** Who holds the value now; null when nobody does (never reserved, or released). */
export interface ReservationState {
  ownerId: string | null;
}

export const initialReservationState: ReservationState = { ownerId: null };
