import 'reflect-metadata';
import { loadServiceConfig } from '@portal/platform';
import { shutdownOnSignals } from '../../standalone/src/shutdown-on-signals';
import { startService } from '../../standalone/src/start-service';

/**
 * `npm run start:api`: the API alone. The projector runs elsewhere (`npm run start:projector`),
 * so both stores must be servers (postgres://, esdb://, mongodb://): PGlite is single-process.
 */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  const service = await startService(config, { parts: { api: true } });
  shutdownOnSignals(service.close);
  console.log(`portal API listening on ${service.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
