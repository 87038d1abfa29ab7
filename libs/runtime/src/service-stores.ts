import { openEventStore, SqlEventStore, type EventStore } from '@portal/event-store';
import { PgliteSqlClient, type ServiceConfig } from '@portal/platform';
import { openReadStore, SqlReadStore, type ReadStore } from '@portal/read-store';
import { createUpcasterRegistry } from './upcaster-registry';

export interface ServiceStores {
  eventStore: EventStore;
  readStore: ReadStore;
  close(): Promise<void>;
}

export interface ServiceStoresOptions {
  /** PostgreSQL schema (or MongoDB database) of both stores; tests use a random one. */
  schema?: string;
  /**
   * Embedded stores in memory (one PGlite instance shared by both) instead of DATA_DIR/pglite:
   * tests, and test runners that cannot load PGlite's file system module (Jest without ESM).
   */
  inMemory?: boolean;
}

/**
 * The two stores EVENT_STORE and READ_STORE name. Embedded, both live in one PGlite database in
 * DATA_DIR/pglite (one instance per process: PGlite is single-process).
 */
export async function openServiceStores(
  config: Pick<ServiceConfig, 'eventStore' | 'readStore' | 'dataDir'>,
  options: ServiceStoresOptions = {},
): Promise<ServiceStores> {
  if (options.inMemory && config.eventStore === 'embedded' && config.readStore === 'embedded') {
    return openInMemoryStores();
  }
  const eventStore = await openEventStore(config.eventStore, {
    dataDir: config.dataDir,
    upcasters: createUpcasterRegistry(),
    schema: options.schema,
  });
  let readStore: ReadStore;
  try {
    readStore = await openReadStore(config.readStore, { dataDir: config.dataDir, schema: options.schema });
  } catch (error) {
    await eventStore.close();
    throw error;
  }
  return {
    eventStore,
    readStore,
    close: async () => {
      await readStore.close();
      await eventStore.close();
    },
  };
}

async function openInMemoryStores(): Promise<ServiceStores> {
  const client = await PgliteSqlClient.open();
  try {
    const eventStore = await SqlEventStore.open(client, createUpcasterRegistry());
    // The event store owns the shared client: it closes it, after the read store let go.
    const readStore = await SqlReadStore.open(client, { ownsClient: false });
    return {
      eventStore,
      readStore,
      close: async () => {
        await readStore.close();
        await eventStore.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
