/**
 * Each portal user is one stream; its id is the portal user's id. The email's uniqueness is kept
 * by the reservation aggregate: `reservationStream('portalUserEmail', email)`.
 */
export function portalUserStream(portalUserId: string): string {
  return `portalUser-${portalUserId}`;
}
