import '@portal/tracing/register';
import 'reflect-metadata';
import { createServiceLogger, loadServiceConfig } from '@portal/platform';
import { shutdownOnSignals, startService } from '@portal/runtime';

/**
 * `npm run start:mailer`: the mailer alone (the API and projector elsewhere), so the stores must be
 * servers (postgres://, esdb://, mongodb://): PGlite is single-process.
 */
async function main(): Promise<void> {
  const config = loadServiceConfig();
  const service = await startService(config, { parts: { mailer: true } });
  shutdownOnSignals(service.close, (message) => service.log.info(message));
  service.log.info({ metrics: service.metricsUrl }, 'portal mailer running');
}

main().catch((error: unknown) => {
  createServiceLogger().fatal({ err: error }, 'could not start');
  process.exit(1);
});
