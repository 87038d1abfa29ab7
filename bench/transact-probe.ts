// The read store's transact of a live-sized batch, locked and optimistic (TransactOptions), in this
// process: each batch reads 6 documents of 3 indexed collections with the checkpoint and writes 3
// with the next one, as a projector's one-event batch does. Blocks of 300 batches, alternated, 10
// blocks; prints the median CPU (user + system) and wall time per batch of each way.
// `node -r ./test/support/register-ts.cjs bench/transact-probe.ts embedded|postgres` (PG_URL).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, PgliteSqlClient, PgSqlClient, type SqlClient } from '@portal/platform';
import { SqlReadStore, type DocumentsWanted } from '@portal/read-store';
import { median } from './percentile';

const COLLECTIONS = ['probe_a', 'probe_b', 'probe_c'];
const BATCHES_PER_BLOCK = 300;
const BLOCKS = 10;
const PROJECTION = 'probe';

async function main(): Promise<void> {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'embedded';
  const dataDir = await mkdtemp(join(tmpdir(), 'transact-probe-'));
  const schema = `transact_probe_${process.pid}`;
  const client: SqlClient =
    kind === 'embedded'
      ? await PgliteSqlClient.open(dataDir)
      : await PgSqlClient.connect({ connectionString: process.env.PG_URL!, schema });
  const store = await SqlReadStore.open(client, { ownsClient: false });
  for (const collection of COLLECTIONS)
    await store.ensureCollection(collection, [{ name: 'k', paths: ['k'] }]);
  await store.transact(PROJECTION, async () => 0);
  let n = 0;
  const batch = async (optimistic: boolean): Promise<void> => {
    n += 1;
    const wanted: DocumentsWanted[] = COLLECTIONS.map((collection) => ({
      collection,
      ids: [`new-${n}`, `old-${n % 50}`],
    }));
    await store.transact(
      PROJECTION,
      async (tx, checkpoint) => {
        const found = await tx.getManyAcross!(wanted);
        for (const collection of COLLECTIONS)
          await tx.putMany(collection, [
            { id: `new-${n}`, k: n, text: 'a case '.repeat(30), seen: found.get(collection)?.length ?? 0 },
          ]);
        return (checkpoint ?? 0) + 1;
      },
      wanted,
      { optimistic },
    );
  };
  for (let i = 0; i < BATCHES_PER_BLOCK; i += 1) await batch(i % 2 === 0); // warm-up
  const cpu = { locked: [] as number[], optimistic: [] as number[] };
  const wall = { locked: [] as number[], optimistic: [] as number[] };
  for (let block = 0; block < BLOCKS; block += 1) {
    for (const optimistic of block % 2 === 0 ? [false, true] : [true, false]) {
      const way = optimistic ? 'optimistic' : 'locked';
      const cpuAtStart = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < BATCHES_PER_BLOCK; i += 1) await batch(optimistic);
      const used = process.cpuUsage(cpuAtStart);
      cpu[way].push((used.user + used.system) / BATCHES_PER_BLOCK);
      wall[way].push(((performance.now() - started) * 1000) / BATCHES_PER_BLOCK);
    }
  }
  for (const way of ['locked', 'optimistic'] as const)
    console.log(
      `${kind} ${way}: ${Math.round(median(cpu[way]))} µs CPU, ${Math.round(median(wall[way]))} µs wall per batch (CPU per block: ${cpu[way].map(Math.round).join(', ')})`,
    );
  await store.close();
  await client.close();
  if (kind === 'postgres') await dropSchema(process.env.PG_URL!, schema);
  await rm(dataDir, { recursive: true, force: true });
}

void main();
