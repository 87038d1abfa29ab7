// A blue-green rebuild in its own process, for the kill test: rebuilds the read models of the
// stores named by the environment (STORE, SCHEMA) the way `npm run projector:rebuild` does, prints
// "batch <events>" after each batch and "rebuilt <generation>" when the switch is done, then exits.
import {
  ALL_PROJECTIONS,
  PROJECTION_VERSION,
  rebuildReadModels,
  silentProjectorLogger,
} from '@portal/projector';
import { openServiceStores } from '@portal/runtime';

async function main(): Promise<void> {
  const target = process.env.STORE ?? '';
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir: '' },
    { schema: process.env.SCHEMA || undefined },
  );
  const result = await rebuildReadModels({
    events: stores.eventStore,
    store: stores.readStore,
    projections: ALL_PROJECTIONS,
    version: PROJECTION_VERSION,
    logger: silentProjectorLogger,
    batchSize: Number(process.env.BATCH_SIZE ?? 50),
    retireDelayMs: 0,
    onProgress: (progress) => process.stdout.write(`batch ${progress.events}\n`),
  });
  process.stdout.write(`rebuilt ${result.to}\n`);
  await stores.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
