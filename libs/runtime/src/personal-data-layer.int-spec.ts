import { randomBytes } from 'node:crypto';
import { openPostgresEventStore } from '@portal/event-store';
import { dropSchema } from '@portal/platform';
import { withPersonalDataProtection } from './personal-data-layer';

jest.setTimeout(60_000);

const pgUrl = process.env.PG_URL;
// Skipped without PG_URL: the wiring's choice matters on PostgreSQL only (PGlite counts in process).
const describeOnPostgres = pgUrl ? describe : describe.skip;

describeOnPostgres('the privacy layer wired on PostgreSQL', () => {
  const schema = `layer_${randomBytes(6).toString('hex')}`;
  afterAll(() => dropSchema(pgUrl!, schema));

  const wired = async (eventStore: string) => {
    const adapter = await openPostgresEventStore(pgUrl!, undefined, schema);
    const layer = await withPersonalDataProtection(adapter, {
      eventStore,
      readStore: pgUrl!,
      dataDir: '',
      dataKey: randomBytes(32).toString('base64url'),
      schema,
    });
    if (!layer) throw new Error('no layer');
    return layer;
  };

  it('reads the erasure count in the event store statements where the keys are in its database', async () => {
    const layer = await wired(pgUrl!);
    try {
      expect(layer.readsErasureCountInStatement).toBe(true);
    } finally {
      await layer.close();
    }
  });

  it('reads it apart where the keys are in another database (the read store beside EventStoreDB)', async () => {
    // The adapter here is SQL, but the settings put the keys in the read store's database.
    const layer = await wired('esdb://127.0.0.1:2113?tls=false');
    try {
      expect(layer.readsErasureCountInStatement).toBe(false);
    } finally {
      await layer.close();
    }
  });
});
