import { portalStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { toAuditEvent } from '../audit-event';
import { PORTAL_EXPORT_JOIN_FILTER, streamJoiningPortal } from './portal-export-scope';

const PAGE_SIZE = 500;

/** The streams of a portal's export, as of the log's head position `head`. */
export async function portalExportStreams(
  store: EventStore,
  portalId: string,
  head: number,
): Promise<Set<string>> {
  const streams = new Set([portalStream(portalId)]);
  let after = -1;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE_SIZE, filter: PORTAL_EXPORT_JOIN_FILTER });
    for (const event of page) {
      if (event.position > head) return streams;
      const joined = streamJoiningPortal(event, portalId);
      if (joined) streams.add(joined);
      after = event.position;
    }
    if (page.length < PAGE_SIZE) return streams;
  }
}

/**
 * A portal's history as NDJSON lines in global order: its own stream, its users' streams and the
 * records created through it, up to the head at the start (a consistent snapshot). Lazy: each page
 * is read when the consumer asks for more, so the export never sits in memory whole.
 */
export async function* portalExportLines(store: EventStore, portalId: string): AsyncGenerator<string> {
  const head = await store.headPosition();
  const streams = await portalExportStreams(store, portalId, head);
  const filter = { streamPrefixes: [...streams] };
  let after = -1;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE_SIZE, filter });
    for (const event of page) {
      if (event.position > head) return;
      after = event.position;
      // Prefixes are stream names here; the exact check keeps a longer name with the same start out.
      if (streams.has(event.stream)) yield `${JSON.stringify(toAuditEvent(event))}\n`;
    }
    if (page.length < PAGE_SIZE) return;
  }
}
