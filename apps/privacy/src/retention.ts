import { createServiceLogger, loadServiceConfig } from '@portal/platform';
import { openServiceStores, runSignInRetention } from '@portal/runtime';

// `npm run privacy:retention`: the projector role's daily sign-in retention job, once, now: the
// sign-in records (IPs, user agents) older than RETENTION_DAYS become unreadable everywhere. Runs
// beside a live service (same EVENT_STORE, READ_STORE, DATA_DIR, DATA_KEY); the projector patches
// the login history when it passes the job's event.
async function main(): Promise<number> {
  const config = loadServiceConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'unused' });
  const log = createServiceLogger({});
  const stores = await openServiceStores(config);
  try {
    const report = await runSignInRetention({
      eventStore: stores.eventStore,
      retentionDays: config.retentionDays ?? 180,
      now: () => new Date(),
      log: (fields, message) => log.info(fields, message),
    });
    process.stdout.write(
      report
        ? `privacy:retention: sign-in records before ${report.before} erased: ${report.keysDestroyed} day keys of ${report.users} portal users destroyed\n`
        : 'privacy:retention: this deployment keeps no data keys (EventStoreDB with MongoDB): nothing done\n',
    );
    return 0;
  } finally {
    await stores.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `privacy:retention failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
