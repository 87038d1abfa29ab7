import type { EventStore } from '@portal/event-store';
import { type AuditEvent, toAuditEvent } from '../audit-event';
import { type AuditEventCriteria, matchesCriteria, storeFilterOf } from '../audit-event-criteria';

/** Events one request reads at most, matching or not: a rare match never makes a request slow. */
export const AUDIT_SCAN_BUDGET = 5000;
const PAGE_SIZE = 500;

export interface AuditEventPage {
  items: AuditEvent[];
  /** Position to pass as `after` for the rest; null once the end of the log was reached. */
  next: number | null;
}

/**
 * Reads the log in global order after `after`, keeping the events that match, until `limit` match
 * or `scanBudget` events were read. `next` is the last position read, so a client pages on even
 * through stretches where nothing matches.
 */
export async function scanAuditEvents(
  store: EventStore,
  criteria: AuditEventCriteria,
  options: { after?: number; limit: number; scanBudget?: number },
): Promise<AuditEventPage> {
  const budget = options.scanBudget ?? AUDIT_SCAN_BUDGET;
  const filter = storeFilterOf(criteria);
  const items: AuditEvent[] = [];
  let cursor = options.after ?? -1;
  let scanned = 0;
  while (scanned < budget) {
    const want = Math.min(PAGE_SIZE, budget - scanned);
    const page = await store.readAll({ after: cursor, limit: want, filter });
    for (const event of page) {
      cursor = event.position;
      scanned += 1;
      if (matchesCriteria(event, criteria)) items.push(toAuditEvent(event));
      if (items.length >= options.limit) return { items, next: cursor };
    }
    if (page.length < want) return { items, next: null };
  }
  return { items, next: cursor };
}
