// PGlite's statements sent as named (prepared once) or unnamed (parsed and planned on every call):
// single appends with the expected revision on the embedded event store, 8 writers, blocks of 400
// appends alternated between the two ways, 10 blocks; prints the median CPU (user + system) per
// append of each way. `node -r ./test/support/register-ts.cjs bench/pglite-prepared-probe.ts`
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@portal/platform';
import { SqlEventStore } from '@portal/event-store';
import { median } from './percentile';

const WRITERS = 8;
const PER_BLOCK = 400;
const BLOCKS = 10;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'prepared-probe-'));
  const client = await PgliteSqlClient.open(dataDir);
  const store = await SqlEventStore.open(client);
  const expected = new Map<string, number | 'no-stream'>();
  const appendBlock = async (): Promise<void> => {
    let left = PER_BLOCK;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const stream = `probe-${w}`;
        while (left-- > 0) {
          const id = randomUUID();
          const result = await store.append(
            stream,
            [
              {
                id,
                type: 'ProbeAppended',
                data: { name: 'Printer out of toner', description: 'x'.repeat(80) },
                metadata: {
                  actor: { type: 'system', id: 'probe' },
                  correlationId: id,
                  causationId: id,
                  timestamp: new Date().toISOString(),
                },
              },
            ],
            expected.get(stream) ?? 'no-stream',
          );
          expected.set(stream, result.nextExpectedRevision);
          await store.readStream(stream, { from: result.nextExpectedRevision });
        }
      }),
    );
  };
  await appendBlock(); // warm-up
  PgliteSqlClient.namedStatements = true;
  await appendBlock();
  const cpu = { named: [] as number[], unnamed: [] as number[] };
  for (let block = 0; block < BLOCKS; block += 1) {
    for (const named of block % 2 === 0 ? [false, true] : [true, false]) {
      PgliteSqlClient.namedStatements = named;
      const at = process.cpuUsage();
      await appendBlock();
      const used = process.cpuUsage(at);
      cpu[named ? 'named' : 'unnamed'].push((used.user + used.system) / PER_BLOCK);
    }
  }
  console.log(
    `CPU per append + stream read, µs: unnamed ${Math.round(median(cpu.unnamed))} (${cpu.unnamed.map(Math.round).join(' ')}), named ${Math.round(median(cpu.named))} (${cpu.named.map(Math.round).join(' ')})`,
  );
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}

void main();
