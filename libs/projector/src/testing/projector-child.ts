// A projector in its own process, for the crash test: runs the projector over the stores named by
// the environment, prints "checkpoint <n>" as batches commit and "caught-up <n>" once it reached
// the head, and exits then if EXIT_WHEN_CAUGHT_UP is set (else it runs until killed). "started"
// comes first, once it follows the store: a test that kills it mid-traffic waits for that.
import { projectorCheckpoint } from '@portal/read-models';
import { openServiceStores } from '@portal/runtime';
import { Projector } from '../projector';
import { silentProjectorLogger } from '../projector-logger';

async function main(): Promise<void> {
  const target = process.env.STORE ?? 'embedded';
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir: process.env.DATA_DIR ?? '' },
    { schema: process.env.SCHEMA || undefined },
  );
  const projector = new Projector({
    events: stores.eventStore,
    store: stores.readStore,
    logger: silentProjectorLogger,
    batchSize: Number(process.env.BATCH_SIZE ?? 200),
  });
  await projector.start();
  process.stdout.write('started\n');
  let reported: number | undefined;
  const progress = setInterval(() => {
    const { checkpoint } = projector.status();
    if (checkpoint !== undefined && checkpoint !== reported)
      process.stdout.write(`checkpoint ${(reported = checkpoint)}\n`);
  }, 2);
  await projector.caughtUp();
  clearInterval(progress);
  const generation = projector.status().generation ?? 1;
  const checkpoint = await stores.readStore.getCheckpoint(projectorCheckpoint(generation));
  process.stdout.write(`caught-up ${checkpoint}\n`);
  if (process.env.EXIT_WHEN_CAUGHT_UP) {
    await projector.stop();
    await stores.close();
    process.exit(0);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
