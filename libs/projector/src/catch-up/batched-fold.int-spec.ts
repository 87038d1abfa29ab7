// The correctness core of batched replays: folding events in batches (documents loaded in bulk
// before the fold, kept in memory across the batch's events, written once in bulk at its end) must
// leave exactly the documents that folding them one event per transaction leaves.
import fc from 'fast-check';
import type { RecordedEvent } from '@portal/event-store';
import { projectorCheckpoint } from '@portal/read-models';
import { buildIndexes, prepareGeneration } from '../generation/generation-collections';
import { ALL_PROJECTIONS, generationCollections } from '../projections/all-projections';
import { appendHistory, buildHistory, type ScenarioSize } from '../testing/history-scenario';
import { openTestStores, testStoreKinds } from '../testing/test-stores';
import { compareGenerations } from '../verify/compare-generations';
import { applyBatch } from './apply-batch';
import { catchUp } from './catch-up';

const NAMES = generationCollections().map((c) => c.name);

const SIZE: ScenarioSize = {
  portals: 2,
  accounts: 3,
  contactsPerAccount: 2,
  casesPerContact: 2,
  activityPerCase: 4,
};

const scenarioArb: fc.Arbitrary<ScenarioSize> = fc.record({
  portals: fc.integer({ min: 1, max: 2 }),
  accounts: fc.integer({ min: 1, max: 3 }),
  contactsPerAccount: fc.integer({ min: 1, max: 2 }),
  casesPerContact: fc.integer({ min: 1, max: 2 }),
  activityPerCase: fc.integer({ min: 0, max: 6 }),
});

/** Batch sizes cut from the log in turn (the last one repeats until the log is used up). */
const batchSizesArb = fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 12 });

function cut(events: readonly RecordedEvent[], sizes: readonly number[]): RecordedEvent[][] {
  const batches: RecordedEvent[][] = [];
  for (let from = 0, i = 0; from < events.length; i += 1) {
    const size = sizes[Math.min(i, sizes.length - 1)];
    batches.push(events.slice(from, from + size));
    from += size;
  }
  return batches;
}

describe.each(testStoreKinds())('batched fold on %s stores', (kind) => {
  jest.setTimeout(600_000);

  it('leaves the documents a one-event-at-a-time fold leaves, for any history and batch cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.integer({ min: 1, max: 1_000 }),
        batchSizesArb,
        fc.integer({ min: 0, max: 40 }),
        async (size, seed, sizes, overlap) => {
          const stores = await openTestStores(kind);
          try {
            const { eventStore, readStore } = stores;
            await appendHistory(eventStore, buildHistory(size, seed));
            const events = await eventStore.readAll();

            // Reference: one event per transaction.
            await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
            for (const event of events) await applyBatch(readStore, 1, ALL_PROJECTIONS, [event], eventStore);

            // Batched as a rebuild does it: indexes after the load.
            await prepareGeneration(readStore, 2, ALL_PROJECTIONS, { deferIndexes: true });
            for (const batch of cut(events, sizes))
              await applyBatch(readStore, 2, ALL_PROJECTIONS, batch, eventStore, undefined, {
                exactCheckpoint: true,
              });
            await buildIndexes(readStore, 2, ALL_PROJECTIONS);
            expect(await compareGenerations(readStore, 1, 2, NAMES)).toEqual([]);

            // Batches redelivered across the checkpoint (a crash between commit and acknowledgement).
            await prepareGeneration(readStore, 3, ALL_PROJECTIONS);
            for (const batch of cut(events, sizes)) {
              const first = events.indexOf(batch[0]);
              const again = events.slice(Math.max(0, first - overlap), first + batch.length);
              await applyBatch(readStore, 3, ALL_PROJECTIONS, again, eventStore, undefined, {
                exactCheckpoint: true,
              });
            }
            expect(await compareGenerations(readStore, 1, 3, NAMES)).toEqual([]);
            expect(await readStore.getCheckpoint(projectorCheckpoint(3))).toBe(events.at(-1)?.position);
          } finally {
            await stores.dispose();
          }
        },
      ),
      { numRuns: 5 },
    );
  });

  it('catches up in pages read ahead to the same documents, with upTo and in several runs', async () => {
    const stores = await openTestStores(kind);
    try {
      const { eventStore, readStore } = stores;
      await appendHistory(eventStore, buildHistory(SIZE, 11));
      const events = await eventStore.readAll();
      await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
      for (const event of events) await applyBatch(readStore, 1, ALL_PROJECTIONS, [event], eventStore);

      await prepareGeneration(readStore, 2, ALL_PROJECTIONS, { deferIndexes: true });
      const middle = events[Math.floor(events.length / 2)].position;
      const batches: number[] = [];
      const reached = await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, {
        batchSize: 37,
        upTo: middle,
        refreshStatistics: false,
        exactCheckpoint: true,
        observe: (batch) => batches.push(batch.events),
      });
      expect(reached).toBe(middle);
      expect(batches.every((n) => n <= 37)).toBe(true);
      await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, { batchSize: 53 });
      await buildIndexes(readStore, 2, ALL_PROJECTIONS);
      expect(await compareGenerations(readStore, 1, 2, NAMES)).toEqual([]);
    } finally {
      await stores.dispose();
    }
  });

  it('catches up exactly from a `from` behind or ahead of the stored checkpoint', async () => {
    const stores = await openTestStores(kind);
    try {
      const { eventStore, readStore } = stores;
      await appendHistory(eventStore, buildHistory(SIZE, 12));
      const events = await eventStore.readAll();
      await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
      for (const event of events) await applyBatch(readStore, 1, ALL_PROJECTIONS, [event], eventStore);

      await prepareGeneration(readStore, 2, ALL_PROJECTIONS);
      const third = events[Math.floor(events.length / 3)].position;
      const twoThirds = events[Math.floor((2 * events.length) / 3)].position;
      await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, { batchSize: 29, upTo: third });
      // Ahead (another runner's checkpoint seen, since dropped back): the events in between still come.
      const ahead = await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, {
        batchSize: 29,
        upTo: twoThirds,
        from: twoThirds - 5,
      });
      expect(ahead).toBe(twoThirds);
      // Behind (another runner went further meanwhile): what is at or below the checkpoint is skipped.
      const behind = await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, { batchSize: 29, from: third });
      expect(behind).toBe(events.at(-1)?.position);
      expect(await compareGenerations(readStore, 1, 2, NAMES)).toEqual([]);
    } finally {
      await stores.dispose();
    }
  });

  it('folds each batch while the one before commits (foldAhead) to the same documents, also beside another runner', async () => {
    const stores = await openTestStores(kind);
    try {
      const { eventStore, readStore } = stores;
      // Moved cases make their comments be queried (a batch that cannot be folded ahead).
      await appendHistory(eventStore, buildHistory({ ...SIZE, activityPerCase: 6 }, 5));
      const events = await eventStore.readAll();
      await prepareGeneration(readStore, 1, ALL_PROJECTIONS);
      for (const event of events) await applyBatch(readStore, 1, ALL_PROJECTIONS, [event], eventStore);

      await prepareGeneration(readStore, 2, ALL_PROJECTIONS, { deferIndexes: true });
      const reached = await catchUp(eventStore, readStore, 2, ALL_PROJECTIONS, {
        batchSize: 7,
        refreshStatistics: false,
        foldAhead: true,
        exactCheckpoint: true,
      });
      expect(reached).toBe(events.at(-1)?.position);
      await buildIndexes(readStore, 2, ALL_PROJECTIONS);
      expect(await compareGenerations(readStore, 1, 2, NAMES)).toEqual([]);

      // Two runners on one generation: each finds the checkpoint moved under some of its batches.
      await prepareGeneration(readStore, 3, ALL_PROJECTIONS, { deferIndexes: true });
      const run = (batchSize: number): Promise<number> =>
        catchUp(eventStore, readStore, 3, ALL_PROJECTIONS, {
          batchSize,
          refreshStatistics: false,
          foldAhead: true,
          exactCheckpoint: true,
        });
      expect(await Promise.all([run(5), run(8)])).toEqual([events.at(-1)?.position, events.at(-1)?.position]);
      await buildIndexes(readStore, 3, ALL_PROJECTIONS);
      expect(await compareGenerations(readStore, 1, 3, NAMES)).toEqual([]);
    } finally {
      await stores.dispose();
    }
  });
});
