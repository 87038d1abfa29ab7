import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectorCheckpoint } from '@portal/read-models';
import { openServiceStores, type ServiceStores } from '@portal/runtime';
import { catchUp } from './catch-up/catch-up';
import { prepareGeneration } from './generation/generation-collections';
import { ALL_PROJECTIONS, generationCollections } from './projections/all-projections';
import { appendHistory, buildHistory, eventCount } from './testing/history-scenario';
import { dropSchema, testStoreKinds } from './testing/test-stores';
import { compareGenerations } from './verify/compare-generations';

const ROOT = join(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'testing', 'projector-child.ts');
const KILLS = 5;
const SIZE = { portals: 3, accounts: 16, contactsPerAccount: 10, casesPerContact: 3, activityPerCase: 6 };

interface ChildRun {
  child: ChildProcess;
  /** Resolves with each checkpoint line. */
  checkpoints: number[];
  exited: Promise<number | null>;
  onCheckpoint(listener: (checkpoint: number) => void): void;
}

function runChild(env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.cjs'), CHILD], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const checkpoints: number[] = [];
  const listeners: ((checkpoint: number) => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^(?:checkpoint|caught-up) (-?\d+)$/.exec(line);
      if (!match) continue;
      checkpoints.push(Number(match[1]));
      for (const listener of listeners) listener(Number(match[1]));
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, checkpoints, exited, onCheckpoint: (listener) => listeners.push(listener) };
}

describe.each(testStoreKinds())('projector killed with SIGKILL on %s stores', (kind) => {
  let dataDir: string;
  let schema: string | undefined;
  let target: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'projector-crash-'));
    schema = kind === 'postgres' ? `crash_${randomBytes(6).toString('hex')}` : undefined;
    target = kind === 'postgres' ? process.env.PG_URL! : 'embedded';
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (schema) await dropSchema(process.env.PG_URL!, schema);
  });

  const open = (): Promise<ServiceStores> =>
    openServiceStores({ eventStore: target, readStore: target, dataDir }, { schema });

  it('ends with the same read models as a clean replay, wherever it was killed', async () => {
    const history = buildHistory(SIZE, 11);
    let stores = await open();
    await appendHistory(stores.eventStore, history);
    const head = await stores.eventStore.headPosition();
    // PGlite is single-process: the child owns the database while it runs.
    await stores.close();

    const env = { STORE: target, DATA_DIR: dataDir, SCHEMA: schema ?? '', BATCH_SIZE: '100' };
    const killedAt: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const run = runChild(env);
      // Kill after a random number of committed batches plus a random pause: sometimes between
      // batches, sometimes in the middle of one.
      const batches = 1 + Math.floor(Math.random() * 6);
      run.onCheckpoint(() => {
        if (run.checkpoints.length === batches) {
          setTimeout(() => run.child.kill('SIGKILL'), Math.floor(Math.random() * 30));
        }
      });
      await run.exited;
      killedAt.push(run.checkpoints[run.checkpoints.length - 1] ?? -1);
    }
    const last = runChild({ ...env, EXIT_WHEN_CAUGHT_UP: '1' });
    expect(await last.exited).toBe(0);

    stores = await open();
    try {
      expect(await stores.readStore.getCheckpoint(projectorCheckpoint(1))).toBe(head);
      await prepareGeneration(stores.readStore, 9, ALL_PROJECTIONS);
      await catchUp(stores.eventStore, stores.readStore, 9, ALL_PROJECTIONS, { batchSize: 1_000 });
      const names = generationCollections().map((c) => c.name);
      expect(await compareGenerations(stores.readStore, 9, 1, names)).toEqual([]);
    } finally {
      await stores.close();
    }
    // Every kill landed before the head: the crashes happened in the middle of the replay.
    expect(killedAt.every((checkpoint) => checkpoint < head)).toBe(true);
    expect(eventCount(history)).toBeGreaterThan(4_000);
  }, 600_000);
});
