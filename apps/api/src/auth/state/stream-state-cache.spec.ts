import { randomUUID } from 'node:crypto';
import { openEventStore, type EventStore, type NewEvent } from '@portal/event-store';
import { StreamStateCache } from './stream-state-cache';

jest.setTimeout(60_000);

type Counted = { type: 'Counted'; data: { by: number } };
const evolve = (state: number, event: Counted): number => state + event.data.by;

const counted = (by: number): NewEvent => ({
  id: randomUUID(),
  type: 'Counted',
  data: { by },
  metadata: {
    actor: { type: 'system', id: 'stream-state-cache-spec' },
    correlationId: randomUUID(),
    causationId: null,
    timestamp: new Date().toISOString(),
  },
});

describe('StreamStateCache', () => {
  let store: EventStore;
  let reads: jest.SpyInstance;
  let cache: StreamStateCache;

  beforeAll(async () => {
    store = await openEventStore('embedded');
  });
  afterAll(() => store.close());
  beforeEach(() => {
    cache = new StreamStateCache(store);
    reads = jest.spyOn(store, 'readStream');
  });
  afterEach(() => reads.mockRestore());

  const current = (stream: string, known?: number | null) =>
    cache.current<number, Counted>(stream, evolve, 0, known);

  it('reads only the events after the kept revision when the caller knows no revision', async () => {
    const stream = `counter-${randomUUID()}`;
    await store.append(stream, [counted(2), counted(3)], 'no-stream');
    expect(await current(stream)).toEqual({ state: 5, revision: 1 });
    await store.append(stream, [counted(4)], 1);
    expect(await current(stream)).toEqual({ state: 9, revision: 2 });
    expect(reads.mock.calls.map((call) => call[1])).toEqual([undefined, { from: 2 }]);
  });

  it('answers the kept state without reading when the caller read the same revision', async () => {
    const stream = `counter-${randomUUID()}`;
    await store.append(stream, [counted(2), counted(3)], 'no-stream');
    expect(await current(stream, 1)).toEqual({ state: 5, revision: 1 });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await current(stream, 1)).toEqual({ state: 5, revision: 1 });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('folds the new events when the caller read a newer revision', async () => {
    const stream = `counter-${randomUUID()}`;
    await store.append(stream, [counted(2)], 'no-stream');
    expect(await current(stream, 0)).toEqual({ state: 2, revision: 0 });
    await store.append(stream, [counted(5)], 0);
    expect(await current(stream, 1)).toEqual({ state: 7, revision: 1 });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('answers the initial state without reading for a stream the caller found absent', async () => {
    expect(await current(`counter-${randomUUID()}`, null)).toEqual({ state: 0, revision: 'no-stream' });
    expect(reads).not.toHaveBeenCalled();
  });
});
