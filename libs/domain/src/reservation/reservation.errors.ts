/** Every code a reservation decision may refuse with: clients and the API match on these. */
export const RESERVATION_ERROR_CODES = [
  'email_taken',
  'invalid_unique_value',
  'name_taken',
  'reservation_not_owned',
  'slug_taken',
] as const;
export type ReservationErrorCode = (typeof RESERVATION_ERROR_CODES)[number];
