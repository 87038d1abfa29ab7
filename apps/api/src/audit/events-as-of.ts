import type { RecordedEvent } from '@portal/event-store';
import { eventTime } from './audit-event';

/**
 * The events of one stream up to a moment: the longest prefix whose events were decided at or
 * before it. A prefix, not a filter: a later revision decided a moment earlier (two commands
 * racing) was built on the one before it, so folding it without that one would invent a state.
 */
export function eventsAsOf(events: readonly RecordedEvent[], asOfMs: number): RecordedEvent[] {
  const end = events.findIndex((event) => !(Date.parse(eventTime(event)) <= asOfMs));
  return end === -1 ? [...events] : events.slice(0, end);
}

/** The revision and time of the last event folded: what an as-of answer was built from. */
export function foldedUpTo(events: readonly RecordedEvent[]): { revision: number; at: string } {
  const last = events[events.length - 1];
  return { revision: last.revision, at: eventTime(last) };
}
