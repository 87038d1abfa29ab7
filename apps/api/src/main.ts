import '@portal/tracing/register';
import 'reflect-metadata';
import { createServiceLogger, loadServiceConfig } from '@portal/platform';
import { progressReporterFor } from '@portal/projector';
import { roleLogger, shutdownOnSignals, startService } from '@portal/runtime';
import { createApiApp } from './create-api-app';

/**
 * `npm run start:api`: the API alone. The projector runs elsewhere (`npm run start:projector`),
 * so both stores must be servers (postgres://, esdb://, mongodb://): PGlite is single-process.
 * `--standalone` (`npm start`): the API, the projector and the mailer in one process (embedded
 * store by default); with `--rebuild` it also rebuilds the read models (blue-green) while serving.
 */
async function main(argv: string[]): Promise<void> {
  const config = loadServiceConfig();
  if (!argv.includes('--standalone')) {
    const service = await startService(config, { parts: { api: createApiApp } });
    shutdownOnSignals(service.close, (message) => service.log.info(message));
    service.log.info({ url: service.url }, 'portal API listening');
    return;
  }
  const reporter = progressReporterFor(process.stdout, roleLogger(createServiceLogger(), 'projector'));
  const service = await startService(config, {
    parts: { api: createApiApp, projector: true, mailer: true },
    projector: { onRebuildProgress: (progress) => reporter.update(progress) },
  });
  shutdownOnSignals(service.close, (message) => service.log.info(message));
  service.log.info(
    { url: service.url, eventStore: kindOf(config.eventStore), readStore: kindOf(config.readStore) },
    'portal service listening',
  );
  if (argv.includes('--rebuild') && service.projector) {
    const result = await service.projector.rebuild();
    if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') process.stdout.write('\n');
    service.log.info(
      `generation ${result.to} active: ${result.events} events in ${result.seconds.toFixed(1)}s`,
    );
  }
}

/** Only the kind: a URL may hold a password. */
function kindOf(target: string): string {
  return target.split(':')[0];
}

main(process.argv.slice(2)).catch((error: unknown) => {
  createServiceLogger().fatal({ err: error }, 'could not start');
  process.exit(1);
});
