import type { EventStore, RecordedEvent, StreamRange } from '@portal/event-store';
import { ReadBatcher } from './read-batcher';

/**
 * The stream reads of the jobs at work (delivery histories, the cases' updates, the recipients'
 * own streams), gathered per turn of the event loop into one readStreams where the store has it;
 * else each stream is read on its own, as before.
 */
export class BatchedStreamReads {
  private readonly batcher: ReadBatcher<StreamRange, RecordedEvent[]> | undefined;

  constructor(private readonly events: EventStore) {
    const readStreams = events.readStreams?.bind(events);
    this.batcher = readStreams
      ? new ReadBatcher({
          read: (ranges) => readStreams(ranges),
          keyOf: (r) => `${r.from ?? 0}:${r.to ?? ''}:${r.stream}`,
        })
      : undefined;
  }

  /** The stream's events from `from` to `to` (inclusive), or all of them. */
  read(range: StreamRange): Promise<RecordedEvent[]> {
    if (this.batcher) return this.batcher.load(range);
    const from = range.from ?? 0;
    return this.events.readStream(range.stream, {
      from,
      ...(range.to === undefined ? {} : { limit: range.to - from + 1 }),
    });
  }
}
