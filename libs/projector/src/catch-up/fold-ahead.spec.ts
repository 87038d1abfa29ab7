import type { EventStore, RecordedEvent } from '@portal/event-store';
import type { Document, ReadStore } from '@portal/read-store';
import type { Projection } from '../projections/projection';
import { REPLAY_BATCH_SIZE } from '../rebuild/rebuild';
import { foldAhead } from './fold-ahead';

function eventAt(position: number): RecordedEvent {
  return {
    id: `e${position}`,
    stream: `s-${position}`,
    type: 'Happened',
    version: 1,
    data: {},
    metadata: {} as RecordedEvent['metadata'],
    revision: 0,
    position,
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A committed store holding nothing. */
const emptyStore = {
  get: async () => null,
  getMany: async () => [] as Document[],
  getManyAcross: async () => new Map<string, Document[]>(),
} as unknown as ReadStore;

describe('foldAhead', () => {
  it("lets the event loop turn while it folds a replay's page (the batch before commits meanwhile)", async () => {
    const events = Array.from({ length: REPLAY_BATCH_SIZE }, (_, i) => eventAt(i));
    let turned = false;
    let turnedBeforeLast: boolean | undefined;
    const projection: Projection = {
      name: 'watching the loop',
      collections: [],
      apply: async (event) => {
        // A commit's answer arrives as I/O: a callback of the next turn of the loop stands for it.
        if (event.position === 0) setImmediate(() => (turned = true));
        if (event.position === events.length - 1) turnedBeforeLast = turned;
      },
    };
    const folded = await foldAhead(
      emptyStore,
      1,
      [projection],
      events,
      {} as EventStore,
      -1,
      undefined,
      true,
    );
    expect(folded?.reached).toBe(events.length - 1);
    expect(turnedBeforeLast).toBe(true);
  });
});
