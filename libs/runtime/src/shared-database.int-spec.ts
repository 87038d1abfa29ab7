import { randomBytes, randomUUID } from 'node:crypto';
import type { NewEvent } from '@portal/event-store';
import { dropSchema } from '@portal/platform';
import { openServiceStores, type ServiceStores } from './service-stores';

jest.setTimeout(120_000);

const pgUrl = process.env.PG_URL;
// Skipped without PG_URL: the PostgreSQL half needs a server; the embedded half always runs.
const describeOnPostgres = pgUrl ? describe : describe.skip;

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'Noted',
  data: { n: 1 },
  metadata: {
    actor: { type: 'system', id: 'shared-database-spec' },
    correlationId: randomUUID(),
    causationId: null,
    timestamp: new Date().toISOString(),
  },
});

/**
 * The read store reads a stream's revision with a document (the portal guard's session statement)
 * only where it shares the event store's database, and there it reads the revision the event store
 * wrote: this also checks that the read store's name for the event store's table of streams
 * (sql-read-store.ts, EVENT_STREAMS) still agrees with the event store's.
 */
async function expectRevisionsOf(stores: ServiceStores): Promise<void> {
  const stream = `shared-${randomUUID()}`;
  const read = () => stores.readStore.getWithCheckpoint('nowhere', 'a', 'nothing', undefined, stream);
  expect((await read()).streamRevision).toBeNull();
  await stores.eventStore.append(stream, [event()], 'no-stream');
  expect((await read()).streamRevision).toBe(0);
  await stores.eventStore.append(stream, [event(), event()], 0);
  expect((await read()).streamRevision).toBe(2);
}

describe('a stream revision read with a document, embedded', () => {
  it('is read where both stores are the one in-memory database', async () => {
    const stores = await openServiceStores(
      { eventStore: 'embedded', readStore: 'embedded', dataDir: '' },
      { inMemory: true },
    );
    try {
      await expectRevisionsOf(stores);
    } finally {
      await stores.close();
    }
  });
});

describeOnPostgres('a stream revision read with a document, PostgreSQL', () => {
  const schema = `shared_${randomBytes(6).toString('hex')}`;

  afterAll(() => dropSchema(pgUrl!, schema));

  it('is read where both settings name the same database and schema', async () => {
    const stores = await openServiceStores(
      { eventStore: pgUrl!, readStore: pgUrl!, dataDir: '' },
      { schema },
    );
    try {
      await expectRevisionsOf(stores);
    } finally {
      await stores.close();
    }
  });

  it('is not read where the settings differ, even when they name the same database: any doubt says no', async () => {
    const readStore = `${pgUrl!}${pgUrl!.includes('?') ? '&' : '?'}application_name=shared_database_spec`;
    const stores = await openServiceStores({ eventStore: pgUrl!, readStore, dataDir: '' }, { schema });
    try {
      const stream = `apart-${randomUUID()}`;
      await stores.eventStore.append(stream, [event()], 'no-stream');
      const read = await stores.readStore.getWithCheckpoint('nowhere', 'a', 'nothing', undefined, stream);
      expect(read).toEqual({ doc: null, checkpoint: undefined });
      expect('streamRevision' in read).toBe(false);
    } finally {
      await stores.close();
    }
  });
});
