import type { BlobReferences } from '@portal/blob-store';
import type { EventStore } from '@portal/event-store';
import { READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';

export interface ReadModelBlobReferencesOptions {
  /** How long `caughtUp` waits for the read models to reach the head it saw. */
  waitMs?: number;
  pollMs?: number;
}

/**
 * Blob references as the attachments read model knows them (one document per attached, not
 * removed, file; indexed by sha256). The read model lags the event store, so `caughtUp` first
 * waits until the projector's checkpoint reached the head as it was when asked: every upload whose
 * event was appended before the sweep began is then visible.
 */
export function readModelBlobReferences(
  events: EventStore,
  store: ReadStore,
  options: ReadModelBlobReferencesOptions = {},
): BlobReferences {
  // No cache: a rebuild switching generations mid-sweep must be seen at once.
  const names = new ReadModelNames(store, 0);
  return {
    async caughtUp() {
      const head = await events.headPosition();
      const deadline = Date.now() + (options.waitMs ?? 30_000);
      for (;;) {
        const checkpoint = (await store.getCheckpoint(await names.checkpoint())) ?? -1;
        if (checkpoint >= head) return true;
        if (Date.now() >= deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
      }
    },
    async isReferenced(sha256) {
      const { items } = await store.find(await names.collection(READ_MODELS.attachments), {
        filter: { kind: 'eq', path: 'sha256', value: sha256 },
        limit: 1,
      });
      return items.length > 0;
    },
  };
}
