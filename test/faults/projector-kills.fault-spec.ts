import { READ_MODELS } from '@portal/read-models';
import {
  ALL_PROJECTIONS,
  catchUp,
  collectionOf,
  generationCollections,
  prepareGeneration,
  readActiveGeneration,
} from '@portal/projector';
import { appendHistory, buildHistory, type Append } from '../../libs/projector/src/testing/history-scenario';
import { randomBytes } from 'node:crypto';
import { openServiceStores } from '@portal/runtime';
import { dropSchema, type TestStores } from '../../libs/projector/src/testing/test-stores';
import { compareGenerations } from '../../libs/projector/src/verify/compare-generations';
import { kill, randomDelay, runTs } from './child-process';

// The projector SIGKILLed at random points, ten times, while following live traffic and while
// rebuilding: afterwards the active read models equal a clean replay of the same events. On
// Postgres only: the projector runs in its own process, and PGlite is single-process.
// (libs/projector/src/projector.int-spec.ts covers duplicates, rebuild switching and verify.)

const KILLS = 10;
const NAMES = generationCollections().map((c) => c.name);
const SIZE = { portals: 3, accounts: 10, contactsPerAccount: 3, casesPerContact: 3, activityPerCase: 4 };
// Skipped without PG_URL: the killed processes share their stores on a PostgreSQL server.
const describePg = process.env.PG_URL ? describe : describe.skip;

describePg('projector killed with SIGKILL', () => {
  let stores: TestStores & { schemaName: string };
  let history: Append[];
  const env = (): Record<string, string> => ({
    STORE: process.env.PG_URL!,
    SCHEMA: stores.schemaName,
    BATCH_SIZE: '20',
  });

  beforeEach(async () => {
    stores = await openPgStores();
    history = buildHistory(SIZE, 11);
  });

  afterEach(async () => {
    await stores.dispose();
  });

  async function activeEqualsCleanReplay(): Promise<void> {
    const active = await readActiveGeneration(stores.readStore);
    expect(active).not.toBeNull();
    const clean = active!.generation + 100;
    await prepareGeneration(stores.readStore, clean, ALL_PROJECTIONS);
    await catchUp(stores.eventStore, stores.readStore, clean, ALL_PROJECTIONS, { batchSize: 1_000 });
    expect(await compareGenerations(stores.readStore, clean, active!.generation, NAMES)).toEqual([]);
    const records = await stores.readStore.find(collectionOf(active!.generation, READ_MODELS.records));
    expect(records.total).toBeGreaterThan(100);
  }

  it('during live traffic: the read models equal a clean replay', async () => {
    const slices = KILLS + 1;
    const per = Math.ceil(history.length / slices);
    for (let k = 0; k < KILLS; k += 1) {
      const projector = runTs('libs/projector/src/testing/projector-child.ts', env());
      await projector.line('started');
      // Traffic while it projects, and the kill lands somewhere in the middle of it.
      const traffic = appendHistory(stores.eventStore, history.slice(k * per, (k + 1) * per));
      await randomDelay(20, 400);
      await kill(projector);
      await traffic;
    }
    await appendHistory(stores.eventStore, history.slice(KILLS * per));
    const last = runTs('libs/projector/src/testing/projector-child.ts', {
      ...env(),
      EXIT_WHEN_CAUGHT_UP: '1',
    });
    await last.line('caught-up');
    expect(await last.exited).toBe(0);
    await activeEqualsCleanReplay();
  }, 400_000);

  it('during rebuilds: a later rebuild switches to read models equal to a clean replay', async () => {
    await appendHistory(stores.eventStore, history);
    const first = runTs('libs/projector/src/testing/projector-child.ts', {
      ...env(),
      EXIT_WHEN_CAUGHT_UP: '1',
    });
    expect(await first.exited).toBe(0);
    for (let k = 0; k < KILLS; k += 1) {
      const rebuild = runTs('test/faults/projector-rebuild-child.ts', env());
      // Killed after a random number of applied batches: always in the middle of a replay.
      await rebuild.line('batch', 2 + Math.floor(Math.random() * 20));
      await kill(rebuild);
    }
    const last = runTs('test/faults/projector-rebuild-child.ts', env());
    await last.line('rebuilt');
    expect(await last.exited).toBe(0);
    await activeEqualsCleanReplay();
  }, 400_000);
});

/** Fresh Postgres stores on a random schema (the children open the same schema). */
async function openPgStores(): Promise<TestStores & { schemaName: string }> {
  const url = process.env.PG_URL!;
  const schemaName = `faults_${randomBytes(6).toString('hex')}`;
  const stores = await openServiceStores(
    { eventStore: url, readStore: url, dataDir: '' },
    { schema: schemaName },
  );
  return {
    ...stores,
    schemaName,
    dispose: async () => {
      await stores.close();
      await dropSchema(url, schemaName);
    },
  };
}
