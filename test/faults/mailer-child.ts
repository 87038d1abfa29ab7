// The mailer in its own process, for the kill test: the service's mailer (createMailer) over the
// Postgres stores named by the environment (STORE, SCHEMA), sending to SMTP_URL with the Redis
// queue prefix QUEUE_PREFIX. Prints "started", then runs until killed or SIGTERMed.
import { openServiceStores } from '@portal/runtime';
import { createMailer } from '@portal/mailer';

async function main(): Promise<void> {
  const target = process.env.STORE ?? '';
  const stores = await openServiceStores(
    { eventStore: target, readStore: target, dataDir: '' },
    { schema: process.env.SCHEMA || undefined },
  );
  const mailer = createMailer(
    {
      port: 0,
      dataDir: process.env.DATA_DIR ?? '',
      eventStore: target,
      readStore: target,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      smtpUrl: process.env.SMTP_URL,
      jwtSecret: process.env.JWT_SECRET ?? '',
      bootstrapAdmin: undefined,
      publicUrl: 'http://localhost:3000',
      // The parent wrote without the privacy layer (no data key): the mailer reads the same way.
      dataKey: '',
      retentionDays: 180,
    },
    stores.eventStore,
    stores.readStore,
    {
      queuePrefix: process.env.QUEUE_PREFIX,
      retryPolicy: { attempts: 20, backoffDelayMs: 100 },
      concurrency: Number(process.env.MAILER_CONCURRENCY ?? 4),
      // A job the previous mailer was killed in runs again once its lock runs out: keep that short.
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
      sweepIntervalMs: 1_000,
    },
  );
  await mailer.start();
  process.stdout.write('started\n');
  process.on('SIGTERM', () => {
    void mailer
      .stop()
      .then(() => stores.close())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
