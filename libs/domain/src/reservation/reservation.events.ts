import type { DomainEvent } from '../shared/decider';

/** The kinds of value that must be unique across the whole service. */
export const RESERVATION_KINDS = [
  'portalSlug',
  'portalUserEmail',
  'staffUserEmail',
  'entityTypeName',
] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

export interface UniqueValueData {
  kind: ReservationKind;
  /** The normalised value (trimmed, lowercase), as in the stream name before encoding. */
  value: string;
  /** Id of the aggregate holding the value (a portal, portal user, staff user or entity type). */
  ownerId: string;
}

export type UniqueValueReserved = DomainEvent<'UniqueValueReserved', UniqueValueData>;
export type UniqueValueReleased = DomainEvent<'UniqueValueReleased', UniqueValueData>;

export type ReservationEvent = UniqueValueReserved | UniqueValueReleased;

export const RESERVATION_EVENT_TYPES = ['UniqueValueReserved', 'UniqueValueReleased'] as const;
