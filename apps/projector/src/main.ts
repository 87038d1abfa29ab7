import '@portal/tracing/register';
import 'reflect-metadata';
import { createServiceLogger, loadServiceConfig } from '@portal/platform';
import {
  ALL_PROJECTIONS,
  progressReporterFor,
  PROJECTION_VERSION,
  rebuildReadModels,
  verifyReadModels,
  type VerifyResult,
} from '@portal/projector';
import { openServiceStores, roleLogger, shutdownOnSignals, startService } from '@portal/runtime';

/** The rebuild's and verify's lines: pino JSON like the service's (pretty on a terminal outside production). */
const logger = roleLogger(createServiceLogger(), 'projector');

/**
 * `npm run start:projector`: the projector alone (the API and mailer elsewhere, on server stores).
 * `--rebuild` (npm run projector:rebuild): rebuild every read model into a new generation and
 * switch to it, then exit. `--verify` (npm run projector:verify): replay into a shadow generation,
 * compare with the live one, report, exit 1 on any difference. On the embedded store these need
 * the service stopped (PGlite is single-process); `npm start -- --rebuild` rebuilds in the service.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadServiceConfig();
  if (argv.includes('--rebuild') || argv.includes('--verify')) {
    const stores = await openServiceStores(config);
    try {
      return argv.includes('--verify') ? await verify(stores) : await rebuild(stores);
    } finally {
      await stores.close();
    }
  }
  const service = await startService(config, { parts: { projector: true } });
  shutdownOnSignals(service.close, (message) => service.log.info(message));
  service.log.info({ metrics: service.metricsUrl }, 'projector running');
  return new Promise<number>(() => undefined);
}

async function rebuild(stores: Awaited<ReturnType<typeof openServiceStores>>): Promise<number> {
  const reporter = progressReporterFor(process.stdout, logger);
  let last: Parameters<typeof reporter.finish>[0] | undefined;
  const result = await rebuildReadModels({
    events: stores.eventStore,
    store: stores.readStore,
    projections: ALL_PROJECTIONS,
    version: PROJECTION_VERSION,
    logger: logger,
    onProgress: (progress) => {
      last = progress;
      reporter.update(progress);
    },
    onSwitched: () => {
      if (last) reporter.finish(last);
    },
  });
  logger.log(
    `generation ${result.to} active (was ${result.from}): ${result.events} events in ${result.seconds.toFixed(1)}s`,
  );
  return 0;
}

async function verify(stores: Awaited<ReturnType<typeof openServiceStores>>): Promise<number> {
  const reporter = progressReporterFor(process.stdout, logger);
  const result = await verifyReadModels({
    events: stores.eventStore,
    store: stores.readStore,
    projections: ALL_PROJECTIONS,
    logger: logger,
    onProgress: (progress) => reporter.update(progress),
  });
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') process.stdout.write('\n');
  report(result);
  return result.differences.length === 0 ? 0 : 1;
}

function report(result: VerifyResult): void {
  const log = logger.log;
  if (result.differences.length === 0) {
    log(`generation ${result.generation} matches a replay of the events up to position ${result.checkpoint}`);
    return;
  }
  log(`generation ${result.generation} differs from a replay up to position ${result.checkpoint}:`);
  for (const d of result.differences.slice(0, 50)) {
    log(`  ${d.collection} ${d.id}: ${d.kind}`);
    if (d.kind === 'different') {
      log(`    expected ${JSON.stringify(d.expected)}`);
      log(`    actual   ${JSON.stringify(d.actual)}`);
    }
  }
  if (result.differences.length > 50) log(`  … and ${result.differences.length - 50} more`);
  log(`${result.differences.length} difference(s)`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    createServiceLogger().fatal({ err: error }, 'projector failed');
    process.exit(1);
  },
);
