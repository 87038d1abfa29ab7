import { randomUUID } from 'node:crypto';
import { dropSchema, PgSqlClient } from '@portal/platform';
import { contractEvent, eventStoreContract, waitFor } from '../event-store.contract';
import type { RecordedEvent } from '../event-store.port';
import { sqlAppendWakeupsBehaviour } from '../testing/sql-append-wakeups.behaviour';
import { sqlEventStoreBehaviour } from '../testing/sql-event-store.behaviour';
import { UpcasterRegistry } from '../upcasters';
import { openPostgresEventStore } from './open-sql-event-store';
import { SqlEventStore } from './sql-event-store';

// jest ignores a project's testTimeout: subscriptions and servers take their time.
jest.setTimeout(60_000);

const url = process.env.PG_URL;

if (!url) {
  console.warn(
    'postgres event store specs skipped: set PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
  );
  // Skipped without PG_URL: the contract needs a PostgreSQL server.
  describe.skip('postgres event store (skipped: PG_URL not set)', () => {
    it('runs the event store contract against PostgreSQL', () => undefined);
  });
} else {
  const pgUrl = url;
  // One random schema per suite, all dropped at the end: runs never see each other's events.
  const schemas: string[] = [];
  const newSchema = (): string => {
    const schema = `es_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    schemas.push(schema);
    return schema;
  };

  afterAll(async () => {
    for (const schema of schemas) await dropSchema(pgUrl, schema);
  });

  const upcasters = new UpcasterRegistry();
  const contractSchema = newSchema();
  eventStoreContract('SQL on PostgreSQL', () => openPostgresEventStore(pgUrl, upcasters, contractSchema), {
    upcasters,
  });

  const behaviourSchema = newSchema();
  sqlEventStoreBehaviour('SQL on PostgreSQL', () =>
    PgSqlClient.connect({ connectionString: pgUrl, schema: behaviourSchema }),
  );
  const wakeupsSchema = newSchema();
  sqlAppendWakeupsBehaviour('SQL on PostgreSQL', () =>
    PgSqlClient.connect({ connectionString: pgUrl, schema: wakeupsSchema }),
  );

  describe('SQL event store on PostgreSQL: dropped connections', () => {
    it('keeps a subscription going, without loss or duplicates, when its connections are terminated', async () => {
      const schema = newSchema();
      const applicationName = `es-drop-${randomUUID().slice(0, 8)}`;
      const subscriberUrl = new URL(pgUrl);
      subscriberUrl.searchParams.set('application_name', applicationName);
      const reader = await SqlEventStore.open(
        await PgSqlClient.connect({ connectionString: subscriberUrl.toString(), schema }),
        new UpcasterRegistry(),
        { pollIntervalMs: 100 },
      );
      const writer = await openPostgresEventStore(pgUrl, new UpcasterRegistry(), schema);
      const admin = await PgSqlClient.connect({ connectionString: pgUrl, max: 1 });
      try {
        const seen: RecordedEvent[] = [];
        const subscription = reader.subscribe({}, (e) => {
          seen.push(e);
        });
        await writer.append('case-1', [contractEvent('Before1'), contractEvent('Before2')], 'no-stream');
        await waitFor(() => seen.length >= 2);

        // Only the reader's connections (found first, then terminated one by one): other test
        // runs share this server.
        const { rows } = await admin.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        expect(rows.length).toBeGreaterThan(0);
        for (const { pid } of rows) await admin.query('SELECT pg_terminate_backend($1::int)', [pid]);
        await writer.append('case-1', [contractEvent('After1')], 1);
        await writer.append('case-2', [contractEvent('After2')], 'no-stream');
        await waitFor(() => seen.length >= 4);
        await writer.append('case-2', [contractEvent('AfterMore')], 0);
        await waitFor(() => seen.length >= 5);

        expect(seen.map((e) => e.type)).toEqual(['Before1', 'Before2', 'After1', 'After2', 'AfterMore']);
        expect(seen).toEqual(await writer.readAll());
        await subscription.stop();
      } finally {
        await reader.close();
        await writer.close();
        await admin.close();
      }
    });
  });
}
