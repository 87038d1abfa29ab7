import type { EventStore } from '@portal/event-store';
import { EventLogCheck } from './event-log-check';
import type { Finding } from './finding';
import { KnownEventTypes } from './known-event-types';

export interface EventLogProgress {
  eventsDone: number;
  /** Share of the log read, from positions (they need not be dense, so not from counts). */
  fraction: number;
}

export interface VerifyEventLogOptions {
  known?: KnownEventTypes;
  pageSize?: number;
  onProgress?: (progress: EventLogProgress) => void;
}

export interface EventLogReport {
  findings: Finding[];
  eventsChecked: number;
  streamsChecked: number;
  /** The head the check ran up to; events appended meanwhile are left for the next run. */
  head: number;
}

/** Re-reads every stream through readAll, in pages, up to the head at the start. */
export async function verifyEventLog(
  store: EventStore,
  options: VerifyEventLogOptions = {},
): Promise<EventLogReport> {
  const check = new EventLogCheck(options.known ?? new KnownEventTypes());
  const pageSize = options.pageSize ?? 1000;
  const head = await store.headPosition();
  let after = -1;
  let first: number | undefined;
  const unreadable: Finding[] = [];
  while (after < head) {
    let page;
    try {
      page = await store.readAll({ after, limit: pageSize });
    } catch (error) {
      // An event no upcaster can lift (or a corrupt row) stops the read: nothing after it is checked.
      const message = error instanceof Error ? error.message : String(error);
      unreadable.push({
        kind: 'unreadable_log',
        message: `reading after position ${after} failed: ${message}`,
      });
      break;
    }
    for (const event of page) {
      if (event.position > head) break;
      first ??= event.position;
      check.inspect(event);
      after = event.position;
    }
    options.onProgress?.({ eventsDone: check.eventsChecked, fraction: fractionRead(first, after, head) });
    if (page.length < pageSize || page[page.length - 1].position > head) break;
  }
  return {
    findings: [...check.findings, ...unreadable],
    eventsChecked: check.eventsChecked,
    streamsChecked: check.streamsSeen,
    head,
  };
}

function fractionRead(first: number | undefined, at: number, head: number): number {
  if (first === undefined || head <= first) return 1;
  return Math.min(1, Math.max(0, (at - first) / (head - first)));
}
