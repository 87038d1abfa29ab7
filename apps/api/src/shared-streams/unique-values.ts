import {
  decideReleaseUniqueValue,
  decideReserveUniqueValue,
  evolveReservation,
  initialReservationState,
  type ReservationKind,
} from '@portal/domain';
import type { CommandContext, StreamCommands } from '@portal/commands';
import type { ReservationStreams } from './reservation-streams';

const reservation = { evolve: evolveReservation, initialState: initialReservationState };

/**
 * Unique values (portal slugs, user emails, entity type names) through the Reservation aggregate:
 * `unique-<kind>-<value>` appended at the revision read ('no-stream' for a new value), so of
 * parallel reservations exactly one wins; the others decide again and are refused (409 `<field>_taken`).
 */
export class UniqueValues {
  constructor(
    private readonly commands: StreamCommands,
    private readonly streams: ReservationStreams,
  ) {}

  /** True when this call took the value; false when the owner already held it (nothing appended). */
  async reserve(
    kind: ReservationKind,
    value: string,
    ownerId: string,
    ctx: CommandContext,
  ): Promise<boolean> {
    const { events } = await this.commands.handle(
      {
        stream: this.streams.streamOf(kind, value),
        ...reservation,
        decide: (state) => decideReserveUniqueValue({ kind, value, ownerId }, state),
      },
      ctx,
    );
    return events.length > 0;
  }

  async release(kind: ReservationKind, value: string, ownerId: string, ctx: CommandContext): Promise<void> {
    await this.commands.handle(
      {
        stream: this.streams.streamOf(kind, value),
        ...reservation,
        decide: (state) => decideReleaseUniqueValue({ kind, value, ownerId }, state),
      },
      ctx,
    );
  }

  /** Who holds the value now, or null. */
  async ownerOf(kind: ReservationKind, value: string): Promise<string | null> {
    return (await this.commands.read(this.streams.streamOf(kind, value), reservation)).state.ownerId;
  }
}
