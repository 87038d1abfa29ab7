import type { EventStore, RecordedEvent } from '@portal/event-store';
import type { ReadStore } from '@portal/read-store';
import { collectionOf } from '../documents/generation-documents';
import type { CommittedDocuments, Projection, ProjectionLog } from '../projections/projection';

/** Read a page at a time: a long stream is never asked for in one query. */
const PAGE = 500;

async function wholeStream(events: EventStore, stream: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (let from = 0; ;) {
    const page = await events.readStream(stream, { from, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
    from = page[page.length - 1].revision + 1;
  }
}

/** The generation's documents as committed (what logReads may query). */
function committedDocuments(store: ReadStore, generation: number): CommittedDocuments {
  return { find: (name, query) => store.find(collectionOf(generation, name), query) };
}

/**
 * Reads, before a batch's transaction, every stream the projections say they will read for it
 * (logReads), and serves them to apply. A stream nobody named is an error, not a silent empty one.
 */
export async function preloadProjectionLog(
  events: EventStore,
  store: ReadStore,
  generation: number,
  projections: readonly Projection[],
  batch: readonly RecordedEvent[],
  committed: CommittedDocuments = committedDocuments(store, generation),
): Promise<ProjectionLog> {
  const streams = new Set<string>();
  for (const projection of projections) {
    if (projection.logReads) for (const s of await projection.logReads(batch, committed)) streams.add(s);
  }
  const loaded = new Map<string, RecordedEvent[]>();
  for (const stream of streams) loaded.set(stream, await wholeStream(events, stream));
  return {
    readStream(stream: string, upToRevision: number): RecordedEvent[] {
      const all = loaded.get(stream);
      if (!all) throw new Error(`${stream} was not named by a projection's logReads for this batch`);
      return all.filter((event) => event.revision <= upToRevision);
    },
  };
}
