import type { Position, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { UpcasterRegistry } from '../upcasters';
import { SCHEMA_VERSION_KEY } from './esdb-event-data';
import { toPositionNumber } from './esdb-position';

/** What every read path of the client yields: an event, maybe reached through a link, maybe with a position. */
export interface EsdbResolvedEvent {
  event?: EsdbRecordedEvent;
  link?: unknown;
  commitPosition?: bigint;
}

/**
 * Events the server writes for itself ($-prefixed streams and types: stats, metadata, projections) and
 * link events ($>) are not part of our history.
 */
export function isUserEvent(resolved: EsdbResolvedEvent): boolean {
  const event = resolved.event;
  return (
    event !== undefined &&
    resolved.link === undefined &&
    !event.streamId.startsWith('$') &&
    !event.type.startsWith('$')
  );
}

/**
 * The client position of an event; every event read from $all has one, stream reads since server 22.6
 * (older servers leave the fields unset, which the client turns into 0/0: no event is ever stored at 0).
 */
export function esdbPositionOf(resolved: EsdbResolvedEvent): Position | undefined {
  const recorded = resolved.event?.position;
  if (recorded && (recorded.commit > 0n || recorded.prepare > 0n)) return recorded;
  if (resolved.commitPosition !== undefined) {
    return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  }
  return undefined;
}

/** The global position of an event as our number; throws when the server did not send one. */
export function positionOf(resolved: EsdbResolvedEvent): number {
  const position = esdbPositionOf(resolved);
  if (!position) {
    throw new Error(
      `EventStoreDB sent event ${resolved.event?.id ?? '?'} without a position (server 22.6 or newer is required)`,
    );
  }
  return toPositionNumber(position.commit);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/**
 * Our recorded event for a stored one, upcast to the current version of its type; undefined for the
 * server's own events. Throws for an event this service cannot have written (not a JSON object).
 */
export function toRecordedEvent(
  resolved: EsdbResolvedEvent,
  upcasters: UpcasterRegistry,
): RecordedEvent | undefined {
  if (!isUserEvent(resolved) || !resolved.event) return undefined;
  const event = resolved.event;
  if (!event.isJson || !isObject(event.data)) {
    throw new Error(`Event ${event.id} in stream ${event.streamId} is not a JSON object event`);
  }
  const stored = isObject(event.metadata) ? event.metadata : {};
  const { [SCHEMA_VERSION_KEY]: storedVersion, ...metadata } = stored;
  const version = typeof storedVersion === 'number' ? storedVersion : 1;
  const upcast = upcasters.upcast(event.type, version, event.data, metadata);
  return {
    id: event.id,
    stream: event.streamId,
    type: event.type,
    version: upcast.version,
    data: upcast.data,
    metadata: metadata as EventMetadata,
    revision: Number(event.revision),
    position: positionOf(resolved),
    recordedAt: event.created.toISOString(),
  };
}
