import type { EventStore, RecordedEvent } from '@portal/event-store';
import type { ReadStore, TransactOptions } from '@portal/read-store';
import { BatchDocuments } from '../documents/batch-documents';
import { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from '../projections/projection';
import { applyBatch } from './apply-batch';
import { commitFolded } from './fold-ahead';

// A replay into a generation of its own (exactCheckpoint) commits its batches without waiting for
// the database's disk (asyncCommit); live batches, which readers wait for, commit as usual.

const event: RecordedEvent = {
  id: 'e0',
  stream: 's-0',
  type: 'Happened',
  version: 1,
  data: {},
  metadata: {} as RecordedEvent['metadata'],
  revision: 0,
  position: 0,
  recordedAt: '2026-01-01T00:00:00.000Z',
};

const noop: Projection = { name: 'noop', collections: [], apply: async () => undefined };

/** A store whose transact records the options it was given and commits nothing. */
function recordingStore(): { store: ReadStore; options: (TransactOptions | undefined)[] } {
  const options: (TransactOptions | undefined)[] = [];
  const store = {
    transact: async (_p: string, _fn: unknown, _firstReads: unknown, given?: TransactOptions) => {
      options.push(given);
    },
  } as unknown as ReadStore;
  return { store, options };
}

describe('how a batch commits', () => {
  it('asks for an asynchronous commit in a replay, not live', async () => {
    const { store, options } = recordingStore();
    const log = {} as EventStore;
    await applyBatch(store, 1, [noop], [event], log, undefined, { exactCheckpoint: true });
    await applyBatch(store, 1, [noop], [event], log);
    expect(options.map((o) => o?.asyncCommit)).toEqual([true, false]);
  });

  it('asks for it when a batch folded ahead for a replay commits', async () => {
    const { store, options } = recordingStore();
    const documents = new BatchDocuments({ reads: store });
    const docs = new GenerationDocuments(documents, 1);
    await commitFolded(store, 1, { from: -1, reached: 0, documents, docs, exactCheckpoint: true });
    expect(options.map((o) => o?.asyncCommit)).toEqual([true]);
  });
});
