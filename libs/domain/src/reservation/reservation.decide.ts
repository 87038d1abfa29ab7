import { DomainError } from '../shared/domain-error';
import type { ReleaseUniqueValue, ReserveUniqueValue } from './reservation.commands';
import type { ReservationEvent, ReservationKind } from './reservation.events';
import type { ReservationState } from './reservation.state';
import { normaliseUniqueValue } from './reservation.stream';

/** The request field each kind of value comes from: names the error code (`slug_taken`) and its path. */
export const RESERVATION_FIELDS: Record<ReservationKind, 'slug' | 'email' | 'name'> = {
  portalSlug: 'slug',
  portalUserEmail: 'email',
  staffUserEmail: 'email',
  entityTypeName: 'name',
};

function normalised(kind: ReservationKind, raw: string): string {
  const value = normaliseUniqueValue(raw);
  if (value === '') {
    const field = RESERVATION_FIELDS[kind];
    throw new DomainError('invalid_unique_value', `An empty ${field} cannot be reserved`, 'invalid', [
      { path: field, message: 'must not be empty' },
    ]);
  }
  return value;
}

/**
 * Reserves a unique value for an owner. The caller appends with the revision it read
 * ('no-stream' for a new stream), so of two parallel reservations exactly one wins.
 */
export function decideReserveUniqueValue(
  command: ReserveUniqueValue,
  state: ReservationState,
): ReservationEvent[] {
  const value = normalised(command.kind, command.value);
  if (state.ownerId === command.ownerId) return [];
  if (state.ownerId !== null) {
    const field = RESERVATION_FIELDS[command.kind];
    throw new DomainError(`${field}_taken`, `This ${field} is already in use`, 'conflict', [
      { path: field, message: 'is already in use' },
    ]);
  }
  return [{ type: 'UniqueValueReserved', data: { kind: command.kind, value, ownerId: command.ownerId } }];
}

/** Frees a value so another owner may take it; only its owner may free it. */
export function decideReleaseUniqueValue(
  command: ReleaseUniqueValue,
  state: ReservationState,
): ReservationEvent[] {
  const value = normalised(command.kind, command.value);
  if (state.ownerId === null) return [];
  if (state.ownerId !== command.ownerId) {
    throw new DomainError(
      'reservation_not_owned',
      `This ${RESERVATION_FIELDS[command.kind]} is held by another owner`,
      'conflict',
    );
  }
  return [{ type: 'UniqueValueReleased', data: { kind: command.kind, value, ownerId: command.ownerId } }];
}
