// CPU per event of single-event appends (expected revision, WRITERS loops on their own streams)
// through the privacy layer and plain (the adapter beneath), alternating blocks in one process, on
// PGlite and PostgreSQL, and the statements each side sends per append: the part of issue 20's
// append figure the layer decides, without the bench's service (and its projector) around it.
//   node -r ./test/support/register-ts.cjs bench/privacy-append-probe.ts
//   (PG_URL; PROBE_STORES=embedded,postgres PROBE_SECONDS=2 PROBE_ROUNDS=8 PROBE_WRITERS=10;
//   PROBE_FIRST_SIGN_INS=true; PROBE_SIDE=layer|plain appends on one side only, for a profile)
import { randomUUID } from 'node:crypto';
import type { EventStore, PersonalDataEventStore } from '@portal/event-store';
import { median, runOnProbeStores } from './privacy-probe-stores';
import { signIn } from './privacy-rates';
import { rawAppends } from './raw-store-rates';
import { hookSqlStatements } from './sql-statement-hooks';

const SECONDS = Number(process.env.PROBE_SECONDS ?? 2);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 8);
const WRITERS = Number(process.env.PROBE_WRITERS ?? 10);

let statements = 0;
hookSqlStatements((_text, n, run) => {
  statements += n;
  return run();
});

/**
 * PROBE_FIRST_SIGN_INS=true: each append is a user's first sign-in of the day (a new stream, so a
 * new owner and a new day key each time), as in production; else each writer appends to its own
 * stream (the bench's shape: one day key per writer and block).
 */
const FIRST_SIGN_INS = process.env.PROBE_FIRST_SIGN_INS === 'true';

async function firstSignIns(store: EventStore, prefix: string): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const deadline = Date.now() + SECONDS * 1000;
  let events = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; Date.now() < deadline; i += 1, events += 1)
        await store.append(`${prefix}${run}-${w}-${i}`, [signIn(i)], 'no-stream');
    }),
  );
  return events;
}

/** CPU µs and statements per append of one block. */
async function block(store: EventStore, prefix: string): Promise<{ cpu: number; statements: number }> {
  const before = process.cpuUsage();
  const sent = statements;
  const events = FIRST_SIGN_INS
    ? await firstSignIns(store, prefix)
    : (await rawAppends(store, WRITERS, SECONDS, signIn, prefix)).events;
  const { user, system } = process.cpuUsage(before);
  return { cpu: (user + system) / events, statements: (statements - sent) / events };
}

async function probe(name: string, stored: EventStore, layer: PersonalDataEventStore): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const plainPrefix = `portalUser-${run}p`;
  const layerPrefix = `portalUser-${run}e`;
  await block(stored, plainPrefix);
  await block(layer, layerPrefix);
  const plain: Array<{ cpu: number; statements: number }> = [];
  const opened: Array<{ cpu: number; statements: number }> = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    if (process.env.PROBE_SIDE === 'layer') opened.push(await block(layer, layerPrefix));
    else if (process.env.PROBE_SIDE === 'plain') plain.push(await block(stored, plainPrefix));
    else if (r % 2 === 0) {
      plain.push(await block(stored, plainPrefix));
      opened.push(await block(layer, layerPrefix));
    } else {
      opened.push(await block(layer, layerPrefix));
      plain.push(await block(stored, plainPrefix));
    }
  }
  const p = median(plain.map((b) => b.cpu));
  const o = median(opened.map((b) => b.cpu));
  console.log(
    `${name}: plain ${p.toFixed(1)} µs/append (${median(plain.map((b) => b.statements)).toFixed(3)} statements), ` +
      `layer ${o.toFixed(1)} µs/append (${median(opened.map((b) => b.statements)).toFixed(3)} statements), ` +
      `+${(o - p).toFixed(1)}, cpu ratio ${(p / o).toFixed(3)}`,
  );
}

runOnProbeStores(probe);
