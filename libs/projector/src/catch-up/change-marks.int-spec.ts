// The change marks the API keys its access cache on (apps/api/src/auth/read-model-cache/read-model-marks.ts)
// must move with every batch that changes a document of their read model, whatever the batch cut.
import {
  CHANGE_MARKS,
  CHANGE_MARKS_BATCH,
  READ_MODELS,
  projectorCheckpoint,
  type ChangeMarkDoc,
} from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { collectionOf } from '../documents/generation-documents';
import { prepareGeneration } from '../generation/generation-collections';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { appendHistory, buildHistory, SMALL_SCENARIO } from '../testing/history-scenario';
import { openTestStores, testStoreKinds } from '../testing/test-stores';
import { applyBatch } from './apply-batch';

const WATCHED = [READ_MODELS.portals, READ_MODELS.portalUsers, READ_MODELS.portalRoles, READ_MODELS.records];

async function snapshot(store: ReadStore, name: (typeof WATCHED)[number]): Promise<string> {
  const { items } = await store.find(collectionOf(1, name), { limit: 100_000 });
  return JSON.stringify(items);
}

async function marks(store: ReadStore): Promise<Map<string, ChangeMarkDoc>> {
  const { items } = await store.find<ChangeMarkDoc>(collectionOf(1, CHANGE_MARKS), {});
  return new Map(items.map((mark) => [mark.id as string, mark]));
}

describe.each(testStoreKinds())('change marks on %s stores', (kind) => {
  jest.setTimeout(600_000);

  it('move exactly with the batches that change their read model, in one run of marked batches', async () => {
    const stores = await openTestStores(kind);
    try {
      const { eventStore, readStore } = stores;
      await appendHistory(eventStore, buildHistory(SMALL_SCENARIO, 5));
      const events = await eventStore.readAll();
      await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
      const sizes = [1, 7, 2, 30, 1, 13];
      let since: number | undefined;
      for (let from = 0, i = 0; from < events.length; i += 1) {
        const batch = events.slice(from, from + sizes[i % sizes.length]);
        from += batch.length;
        const before = await Promise.all(WATCHED.map((name) => snapshot(readStore, name)));
        const marksBefore = await marks(readStore);
        await applyBatch(readStore, 1, ALL_PROJECTIONS, batch, eventStore);
        const reached = batch[batch.length - 1].position;
        const after = await Promise.all(WATCHED.map((name) => snapshot(readStore, name)));
        const marksAfter = await marks(readStore);
        WATCHED.forEach((name, n) => {
          // A change always moves the mark; a batch that wrote a document unchanged may move it too.
          if (after[n] !== before[n]) expect(marksAfter.get(name)?.position).toBe(reached);
          else expect([marksBefore.get(name)?.position, reached]).toContain(marksAfter.get(name)?.position);
        });
        const batchMark = marksAfter.get(CHANGE_MARKS_BATCH);
        expect(batchMark?.position).toBe(reached);
        since ??= batchMark?.since;
        expect(batchMark?.since).toBe(since);
      }
    } finally {
      await stores.dispose();
    }
  });

  it('start a new run after a batch applied without them', async () => {
    const stores = await openTestStores(kind);
    try {
      const { eventStore, readStore } = stores;
      await appendHistory(eventStore, buildHistory(SMALL_SCENARIO, 6));
      const events = await eventStore.readAll();
      await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
      const third = Math.floor(events.length / 3);
      await applyBatch(readStore, 1, ALL_PROJECTIONS, events.slice(0, third), eventStore);
      await applyBatch(readStore, 1, ALL_PROJECTIONS, events.slice(third, 2 * third), eventStore);
      const run = (await marks(readStore)).get(CHANGE_MARKS_BATCH)?.since;
      expect(run).toBe(events[third - 1].position);
      // Someone else (a projector that keeps no marks) moves the checkpoint on.
      const skipped = events[2 * third].position;
      await readStore.transact(projectorCheckpoint(1), async () => skipped);
      await applyBatch(readStore, 1, ALL_PROJECTIONS, events.slice(2 * third + 1), eventStore);
      const batchMark = (await marks(readStore)).get(CHANGE_MARKS_BATCH);
      expect(batchMark?.position).toBe(events[events.length - 1].position);
      expect(batchMark?.since).toBe(events[events.length - 1].position);
    } finally {
      await stores.dispose();
    }
  });
});
