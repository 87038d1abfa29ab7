import type { Position, ReadPosition } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../event-store.port';
import type { UpcasterRegistry } from '../upcasters';
import type { EsdbClient } from './esdb-client';
import { isWantedEvent, toServerFilter } from './esdb-event-filter';
import { positionOf, toRecordedEvent } from './esdb-recorded-event';

export interface FilteredRead {
  /** Where the server starts: it sends the records strictly after this one. */
  from: ReadPosition;
  /** Exclusive: only events strictly after this position. */
  after: number | undefined;
  /** The newest event of ours when the read began: the read ends there at the latest. */
  head: number;
  limit: number;
  filter: EventFilter;
  checkpointInterval: number;
}

/**
 * A filtered read of $all with the server's filter. Client 6.2 cannot pass a filter to readAll (it
 * sends "no filter"), so the read is a catch-up subscription with the filter, ended at the limit, at
 * the head the read began with, or when the server says it searched past it: the caught-up signal
 * (server 23.10 and newer) or a filter checkpoint beyond the head. Events the filter leaves out are
 * searched by the server and never sent.
 */
export async function readAllFiltered(
  client: EsdbClient,
  upcasters: UpcasterRegistry,
  read: FilteredRead,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let seen = read.after ?? -1;
  let pulled = 0;
  /** How many received events to handle before stopping, once the server said it searched to the end. */
  let endAfter: number | undefined;
  let ended = false;
  const subscription = client.subscribeToAll({
    fromPosition: read.from,
    filter: toServerFilter(read.filter, {
      checkpointInterval: read.checkpointInterval,
      checkpointReached: (_subscription, position: Position) => {
        // A checkpoint points at the next record to search: beyond the head, the head was searched.
        if (position.commit > BigInt(read.head)) searchedToEnd();
      },
    }),
  });
  function searchedToEnd(): void {
    if (endAfter !== undefined) return;
    endAfter = pulled + subscription.readableLength;
    if (endAfter > pulled) return;
    // Nothing left to handle, and the iteration below waits for more: end it.
    ended = true;
    subscription.destroy();
  }
  // The iterator reports errors; this listener keeps a late one from crashing the process.
  subscription.on('error', () => undefined);
  subscription.on('caughtUp', searchedToEnd);
  try {
    for await (const resolved of subscription) {
      pulled += 1;
      const position = positionOf(resolved);
      if (position > seen) {
        seen = position;
        const event = isWantedEvent(resolved, read.filter) ? toRecordedEvent(resolved, upcasters) : undefined;
        if (event) events.push(event);
      }
      if (events.length >= read.limit || position >= read.head) break;
      if (endAfter !== undefined && pulled >= endAfter) break;
    }
  } catch (error) {
    if (!ended) throw error;
  } finally {
    await subscription.unsubscribe().catch(() => undefined);
  }
  return events;
}
