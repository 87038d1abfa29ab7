import { Inject, Injectable } from '@nestjs/common';
import {
  evolveReservation,
  initialReservationState,
  type ReservationEvent,
  type ReservationKind,
} from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ReservationStreams } from '../../shared-streams/reservation-streams';

/**
 * Who holds a unique value now, from its reservation stream: the strongly consistent way from an
 * email to a user id (a user created a moment ago can log in before any projection ran).
 */
@Injectable()
export class ReservationOwners {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: ReservationStreams,
  ) {}

  async ownerOf(kind: ReservationKind, value: string): Promise<string | null> {
    const events = await this.store.readStream(this.streams.streamOf(kind, value));
    return events.reduce(
      (state, e) => evolveReservation(state, { type: e.type, data: e.data } as unknown as ReservationEvent),
      initialReservationState,
    ).ownerId;
  }
}
