import { Injectable } from '@nestjs/common';
import {
  decideReleaseUniqueValue,
  decideReserveUniqueValue,
  evolveReservation,
  initialReservationState,
  reservationStream,
  type ReservationEvent,
  type ReservationKind,
  type ReservationState,
} from '@portal/domain';
import { AggregateRepository } from '../commands/aggregate-repository';
import type { CommandContext } from '../commands/command-context';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Unique values (portal slugs, portal-user emails, entity type names) through the Reservation
 * aggregate: `unique-<kind>-<value>` appended at the revision read ('no-stream' for a new value),
 * so of parallel reservations exactly one wins; the others reload and are refused (409 `<field>_taken`).
 */
@Injectable()
export class UniqueValues {
  constructor(private readonly repo: AggregateRepository) {}

  private load(kind: ReservationKind, value: string) {
    return this.repo.load<ReservationState, ReservationEvent>(
      reservationStream(kind, value),
      evolveReservation,
      initialReservationState,
    );
  }

  /** True when this call took the value; false when the owner already held it (nothing appended). */
  async reserve(
    kind: ReservationKind,
    value: string,
    ownerId: string,
    ctx: CommandContext,
  ): Promise<boolean> {
    return retryOnConflict(async () => {
      const { state, revision } = await this.load(kind, value);
      const events = decideReserveUniqueValue({ kind, value, ownerId }, state);
      await this.repo.append(reservationStream(kind, value), events, revision, ctx);
      return events.length > 0;
    });
  }

  async release(kind: ReservationKind, value: string, ownerId: string, ctx: CommandContext): Promise<void> {
    await retryOnConflict(async () => {
      const { state, revision } = await this.load(kind, value);
      const events = decideReleaseUniqueValue({ kind, value, ownerId }, state);
      await this.repo.append(reservationStream(kind, value), events, revision, ctx);
    });
  }

  /** Who holds the value now, or null. */
  async ownerOf(kind: ReservationKind, value: string): Promise<string | null> {
    return (await this.load(kind, value)).state.ownerId;
  }
}
