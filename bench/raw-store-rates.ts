// Baselines measured on the very store the service uses: single-event appends with an expected
// revision (each writer on its own stream) and a full readAll in pages.
import { randomUUID } from 'node:crypto';
import type { EventFilter, EventStore, NewEvent } from '@portal/event-store';
import type { AppendLatencies, RateResult } from './bench-messages';
import { percentile } from './percentile';

const READ_PAGE = 1_000;

function rawEvent(i: number): NewEvent {
  const correlationId = randomUUID();
  return {
    id: randomUUID(),
    type: 'BenchAppended',
    data: { i, name: `Case ${i}: printer out of toner`, description: 'x'.repeat(80), status: 'New' },
    metadata: {
      actor: { type: 'system', id: 'bench' },
      correlationId,
      causationId: correlationId,
      timestamp: new Date().toISOString(),
    },
  };
}

/**
 * `writers` loops appending one event at a time with the expected revision, for `seconds`, each on
 * its own stream `<prefix><run>-<writer>` (events from `makeEvent`).
 */
export async function rawAppends(
  store: EventStore,
  writers: number,
  seconds: number,
  makeEvent: (i: number) => NewEvent = rawEvent,
  prefix = 'bench-raw-',
): Promise<AppendLatencies> {
  const run = randomUUID().slice(0, 8);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let expected: number | 'no-stream' = 'no-stream';
      for (let i = 0; Date.now() < deadline; i += 1) {
        const t = process.hrtime.bigint();
        expected = (await store.append(`${prefix}${run}-${w}`, [makeEvent(i)], expected))
          .nextExpectedRevision;
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    events: latencies.length,
    seconds: round(elapsed),
    perSecond: Math.round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** Reads the whole log (or what `filter` keeps) in global order, as a rebuild does, without folding anything. */
export async function rawReadAll(store: EventStore, filter?: EventFilter): Promise<RateResult> {
  const started = process.hrtime.bigint();
  let events = 0;
  let after = -1;
  for (;;) {
    const page = await store.readAll({ after, limit: READ_PAGE, filter });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1].position;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds: round(elapsed), perSecond: Math.round(events / elapsed) };
}

export function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
