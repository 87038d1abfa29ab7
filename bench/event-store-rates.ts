// Event store throughput: single-event appends with an expected revision (one writer, then
// several writers on their own streams) and readAll paging, on PGlite and (with PG_URL) Postgres.
//   npm run build && node -r ./scripts/register-paths.cjs dist/bench/event-store-rates.js
import { randomUUID } from 'node:crypto';
import { dropSchema } from '@portal/platform';
import { EventStore, NewEvent, openEmbeddedEventStore, openPostgresEventStore } from '@portal/event-store';

const SEQUENTIAL_APPENDS = Number(process.env.BENCH_APPENDS ?? 2_000);
const WRITERS = 8;
const SEEDED_EVENTS = Number(process.env.BENCH_SEED ?? 50_000);
const SEED_BATCH = 500;
const READ_PAGE = 1_000;

interface Row {
  adapter: string;
  measure: string;
  events: number;
  seconds: number;
  perSecond: number;
}

function newEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'BenchRecorded',
    data: { i, title: `Case ${i}`, body: 'x'.repeat(200) },
    metadata: {
      actor: { type: 'staff', id: 'bench' },
      correlationId: randomUUID(),
      causationId: null,
      timestamp: new Date().toISOString(),
    },
  };
}

async function timed(
  adapter: string,
  measure: string,
  events: number,
  run: () => Promise<void>,
): Promise<Row> {
  const started = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { adapter, measure, events, seconds: round(seconds, 2), perSecond: Math.round(events / seconds) };
}

async function appendSequentially(store: EventStore, stream: string, count: number): Promise<void> {
  let expected: number | 'no-stream' = 'no-stream';
  for (let i = 0; i < count; i += 1)
    expected = (await store.append(stream, [newEvent(i)], expected)).nextExpectedRevision;
}

async function measure(adapter: string, store: EventStore): Promise<Row[]> {
  const run = randomUUID().slice(0, 8);
  const rows: Row[] = [];
  rows.push(
    await timed(adapter, 'append 1 event, 1 writer', SEQUENTIAL_APPENDS, () =>
      appendSequentially(store, `bench-${run}-seq`, SEQUENTIAL_APPENDS),
    ),
  );
  const perWriter = Math.ceil(SEQUENTIAL_APPENDS / WRITERS);
  rows.push(
    await timed(adapter, `append 1 event, ${WRITERS} writers`, perWriter * WRITERS, async () => {
      await Promise.all(
        Array.from({ length: WRITERS }, (_, w) => appendSequentially(store, `bench-${run}-w${w}`, perWriter)),
      );
    }),
  );
  rows.push(
    await timed(adapter, `append ${SEED_BATCH}-event batches`, SEEDED_EVENTS, async () => {
      let expected: number | 'no-stream' = 'no-stream';
      for (let done = 0; done < SEEDED_EVENTS; done += SEED_BATCH) {
        const batch = Array.from({ length: SEED_BATCH }, (_, i) => newEvent(done + i));
        expected = (await store.append(`bench-${run}-seed`, batch, expected)).nextExpectedRevision;
      }
    }),
  );
  const total = (await store.headPosition()) + 1;
  rows.push(
    await timed(adapter, `readAll, pages of ${READ_PAGE}`, total, async () => {
      let after = -1;
      for (;;) {
        const page = await store.readAll({ after, limit: READ_PAGE });
        if (page.length === 0) break;
        after = page[page.length - 1].position;
      }
    }),
  );
  return rows;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const embedded = await openEmbeddedEventStore(undefined);
  try {
    rows.push(...(await measure('PGlite (memory)', embedded)));
  } finally {
    await embedded.close();
  }

  const url = process.env.PG_URL;
  if (url) {
    const schema = `bench_es_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const postgres = await openPostgresEventStore(url, undefined, schema);
    try {
      rows.push(...(await measure('PostgreSQL', postgres)));
    } finally {
      await postgres.close();
      await dropSchema(url, schema);
    }
  } else {
    console.warn('PG_URL not set: PostgreSQL skipped');
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
