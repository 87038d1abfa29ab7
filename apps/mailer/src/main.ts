import 'reflect-metadata';
import { loadServiceConfig } from '@portal/platform';
import { shutdownOnSignals } from '../../standalone/src/shutdown-on-signals';
import { startService } from '../../standalone/src/start-service';

/**
 * `npm run start:mailer`: the mailer alone (the API and projector elsewhere), so the stores must be
 * servers (postgres://, esdb://, mongodb://): PGlite is single-process.
 */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  const service = await startService(config, { parts: { mailer: true } });
  shutdownOnSignals(service.close);
  console.log('portal mailer running');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
