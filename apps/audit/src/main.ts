import { loadServiceConfig } from '@portal/platform';
import { createUpcasterRegistry, openServiceStores } from '@portal/runtime';
import { runAuditVerify } from './audit-verify';
import { describeFinding } from './finding';
import { KnownEventTypes } from './known-event-types';
import { projectorReadModelCheck } from './read-model-check';

// `npm run audit:verify`: checks the event log, and the read models against it, of the stores the
// environment names (EVENT_STORE, READ_STORE, DATA_DIR, as for `npm start`). Exit 1 on any finding.
async function main(): Promise<number> {
  // The CLI signs nothing: a placeholder keeps loadServiceConfig from creating a secret in DATA_DIR.
  const config = loadServiceConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'unused' });
  // The service's own stores and upcasters, so events read exactly as the service reads them.
  const stores = await openServiceStores(config);
  try {
    const findings = await runAuditVerify({
      eventStore: stores.eventStore,
      known: new KnownEventTypes(createUpcasterRegistry()),
      readModels: projectorReadModelCheck(stores.eventStore, stores.readStore),
      progressOut: process.stderr,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    return findings.length === 0 ? 0 : 1;
  } finally {
    await stores.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${describeFinding({ kind: 'verify_failed', message })}\n`);
    process.exitCode = 1;
  },
);
