import { createHmac } from 'node:crypto';
import type { ReservationKind } from './reservation.events';

/** Uniqueness is case-insensitive, ignores surrounding blanks and how accents are encoded (NFC). */
export function normaliseUniqueValue(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

// Readable characters stay as they are (emails and slugs read naturally in the stream name);
// anything else, including '%' itself, is percent-encoded, so two values never share a stream.
const SAFE = /^[a-z0-9._@+-]$/;

function encodeStreamPart(value: string): string {
  let out = '';
  for (const char of value) {
    if (SAFE.test(char)) {
      out += char;
    } else {
      for (const byte of new TextEncoder().encode(char)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** `unique-<kind>-<normalised, encoded value>`. */
export function reservationStream(kind: ReservationKind, value: string): string {
  return `unique-${kind}-${encodeStreamPart(normaliseUniqueValue(value))}`;
}

/**
 * Kinds whose values are personal data (a portal user's email): their stream is named by a keyed
 * hash of the value instead, so the log's stream names hold no address to erase.
 */
export const BLINDED_RESERVATION_KINDS: readonly ReservationKind[] = ['portalUserEmail'];

/** `unique-<kind>-h.<hash>`: the stream of a blinded kind, `hash` a keyed hash of the normalised value. */
export function blindedReservationStream(kind: ReservationKind, hash: string): string {
  return `unique-${kind}-h.${hash}`;
}

/** What the key that names blinded reservation streams is derived for (HKDF info, from DATA_KEY). */
export const RESERVATION_BLINDING_PURPOSE = 'unique-value-streams';

/**
 * The stream of a unique value: blinded kinds by an HMAC-SHA256 of the normalised value under
 * `blindingKey` (a key derived from DATA_KEY), the others readable as reservationStream names them.
 */
export function reservationStreamFor(kind: ReservationKind, value: string, blindingKey: Uint8Array): string {
  if (!BLINDED_RESERVATION_KINDS.includes(kind)) return reservationStream(kind, value);
  return blindedReservationStream(
    kind,
    createHmac('sha256', blindingKey).update(normaliseUniqueValue(value)).digest('hex'),
  );
}
