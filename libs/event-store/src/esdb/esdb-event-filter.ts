import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../event-store.port';
import { isUserEvent, type EsdbResolvedEvent } from './esdb-recorded-event';

type ServerFilterOptions = Partial<Pick<Filter, 'checkpointReached' | 'checkpointInterval'>>;

/**
 * The filter the server applies to a subscription or a filtered read, so unwanted events never cross the
 * network. The server takes one filter (stream names or event types, by prefix): stream prefixes when
 * the caller gives them, else event types; matchesEventFilter still decides exactly on our side.
 * `checkpointInterval` is the server's: a checkpoint every interval × search window (32) events searched.
 */
export function toServerFilter(filter: EventFilter | undefined, options: ServerFilterOptions = {}): Filter {
  if (filter?.streamPrefixes?.length)
    return streamNameFilter({ prefixes: filter.streamPrefixes, ...options });
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: filter.eventTypes, ...options });
  return excludeSystemEvents(options);
}

/** Both parts of a filter must hold; a part that is absent keeps everything. */
export function matchesEventFilter(
  event: Pick<RecordedEvent, 'stream' | 'type'>,
  filter: EventFilter | undefined,
): boolean {
  if (filter?.streamPrefixes && !filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) {
    return false;
  }
  if (filter?.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/**
 * Whether a stored event is one of ours and passes the filter, decided before it is decoded and upcast:
 * an event the caller does not want must not fail the read (say, a version this code cannot upcast).
 */
export function isWantedEvent(resolved: EsdbResolvedEvent, filter: EventFilter | undefined): boolean {
  const event = resolved.event;
  return (
    event !== undefined &&
    isUserEvent(resolved) &&
    matchesEventFilter({ stream: event.streamId, type: event.type }, filter)
  );
}
