// CPU per event of readAll through the privacy layer and plain (the adapter beneath), read before
// (keys and opened values cached), alternating in one process, on PGlite and PostgreSQL: the part
// of issue 20's read figure the layer decides, without the bench's service around it.
//   node -r ./test/support/register-ts.cjs bench/privacy-read-probe.ts
//   (PG_URL; PROBE_STORES=embedded,postgres PROBE_EVENTS=2400 PROBE_ROUNDS=21; PROBE_SIDE=layer|plain
//   reads one side only, for a profile)
import { randomUUID } from 'node:crypto';
import type { EventStore, PersonalDataEventStore } from '@portal/event-store';
import { median, runOnProbeStores } from './privacy-probe-stores';
import { signIn } from './privacy-rates';

const EVENTS = Number(process.env.PROBE_EVENTS ?? 2400);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 21);
const PAGE = 1000;

async function readAllCpu(store: EventStore, prefix: string): Promise<number> {
  const before = process.cpuUsage();
  let events = 0;
  let after = -1;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE, filter: { streamPrefixes: [prefix] } });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  const { user, system } = process.cpuUsage(before);
  return (user + system) / events;
}

async function probe(name: string, stored: EventStore, layer: PersonalDataEventStore): Promise<void> {
  const prefix = `portalUser-${randomUUID().slice(0, 8)}e`;
  for (let i = 0; i < EVENTS; i += 50) {
    await layer.appendMany!(
      Array.from({ length: 50 }, (_, j) => ({
        stream: `${prefix}${(i + j) % 200}`,
        events: [signIn(i + j)],
        expected: 'any' as const,
      })),
    );
  }
  await readAllCpu(stored, prefix);
  await readAllCpu(layer, prefix);
  const plain: number[] = [];
  const opened: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    if (process.env.PROBE_SIDE === 'layer') opened.push(await readAllCpu(layer, prefix));
    else if (process.env.PROBE_SIDE === 'plain') plain.push(await readAllCpu(stored, prefix));
    else if (r % 2 === 0) {
      plain.push(await readAllCpu(stored, prefix));
      opened.push(await readAllCpu(layer, prefix));
    } else {
      opened.push(await readAllCpu(layer, prefix));
      plain.push(await readAllCpu(stored, prefix));
    }
  }
  const p = median(plain);
  const o = median(opened);
  console.log(
    `${name}: plain ${p.toFixed(2)} µs/ev, layer ${o.toFixed(2)} µs/ev, +${(o - p).toFixed(2)}, cpu ratio ${(p / o).toFixed(3)}`,
  );
}

runOnProbeStores(probe);
