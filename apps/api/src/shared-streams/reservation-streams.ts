import { RESERVATION_BLINDING_PURPOSE, reservationStreamFor, type ReservationKind } from '@portal/domain';
import { deriveKey } from '@portal/platform';

/**
 * The stream of a unique value. A portal user's email is personal data: its stream is named by an
 * HMAC of the address under a key derived from DATA_KEY, so the log's stream names (which no
 * erasure can rewrite) never hold it. Slugs and type names read as they are.
 */
export class ReservationStreams {
  private readonly key: Buffer;

  constructor(dataKey: string) {
    this.key = deriveKey(dataKey, RESERVATION_BLINDING_PURPOSE);
  }

  streamOf(kind: ReservationKind, value: string): string {
    return reservationStreamFor(kind, value, this.key);
  }
}
