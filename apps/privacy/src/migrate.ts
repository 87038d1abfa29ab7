import { loadServiceConfig } from '@portal/platform';
import { migratePersonalDataOf } from '@portal/runtime';

// `npm run privacy:migrate`: encrypts, in place, the personal values of events written before the
// privacy layer, on the SQL event store the environment names (EVENT_STORE, DATA_DIR, DATA_KEY, as
// for `npm start`; stop the service first). One transaction per batch; a rerun does what is left.
async function main(): Promise<number> {
  // The CLI signs nothing: a placeholder keeps loadServiceConfig from creating a JWT secret.
  const config = loadServiceConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'unused' });
  const started = Date.now();
  let lastLine = 0;
  const report = await migratePersonalDataOf(config, {
    onProgress: ({ scanned, rewritten, position, head }) => {
      if (Date.now() - lastLine < 1000 && position < head) return;
      lastLine = Date.now();
      const percent = head > 0 ? Math.floor((100 * Math.max(position, 0)) / head) : 100;
      process.stderr.write(`privacy:migrate ${percent}% (${scanned} events read, ${rewritten} rewritten)\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      `privacy:migrate: ${report.scanned} events read in ${seconds}s`,
      `  rewritten encrypted: ${report.rewritten} events, ${report.valuesEncrypted} personal values`,
      `  email reservation streams renamed to blinded names: ${report.streamsRenamed}`,
      ...report.renameConflicts.map(
        (stream) => `  NOT renamed (the blinded stream exists already): ${stream}`,
      ),
      '',
    ].join('\n'),
  );
  return report.renameConflicts.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `privacy:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
