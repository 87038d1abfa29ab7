import {
  embeddedDatabaseDir,
  openEventStore,
  SqlEventStore,
  type EventStore,
  type PersonalDataEventStore,
} from '@portal/event-store';
import {
  DEFAULT_EMBEDDED_HEAP_GROWTH_PERCENT,
  DEFAULT_PGLITE_MEMORY,
  limitJsHeapGrowth,
  PgliteSqlClient,
  type ServiceConfig,
  type SqlClient,
} from '@portal/platform';
import { openReadStore, SqlReadStore, type ReadStore } from '@portal/read-store';
import { withSpans } from '@portal/tracing';
import { createUpcasterRegistry } from './upcaster-registry';
import { withPersonalDataProtection } from './personal-data-layer';

export interface ServiceStores {
  /** With DATA_KEY: the crypto-shredding layer around the adapter (the same object as `privacy`). */
  eventStore: EventStore;
  readStore: ReadStore;
  /** The crypto-shredding layer (data keys, erasure); undefined without DATA_KEY or an SQL store. */
  privacy?: PersonalDataEventStore;
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

/** What opening the stores reads of the service's configuration (the embedded database's settings among it). */
type StoresConfig = Pick<ServiceConfig, 'eventStore' | 'readStore' | 'dataDir'> &
  Partial<
    Pick<
      ServiceConfig,
      'dataKey' | 'embeddedSharedBuffers' | 'embeddedHeapGrowthPercent' | 'embeddedStatisticsTarget'
    >
  >;

/**
 * The two stores EVENT_STORE and READ_STORE name. Embedded, both live in one PGlite database in
 * DATA_DIR/pglite (one instance per process: PGlite is single-process).
 */
export async function openServiceStores(
  config: StoresConfig,
  options: ServiceStoresOptions = {},
): Promise<ServiceStores> {
  return traced(await openStores(config, options));
}

/** With tracing on (OTEL_*), a span per store call made inside traced work; the stores themselves when off. */
function traced(stores: ServiceStores): ServiceStores {
  return {
    ...stores,
    eventStore: withSpans(stores.eventStore, 'eventStore', { skip: ['subscribe', 'close'] }),
    readStore: withSpans(stores.readStore, 'readStore', { skip: ['close'] }),
  };
}

async function openStores(config: StoresConfig, options: ServiceStoresOptions): Promise<ServiceStores> {
  if (options.inMemory && config.eventStore === 'embedded' && config.readStore === 'embedded') {
    return openInMemoryStores(config.dataKey);
  }
  const isEmbedded = config.eventStore === 'embedded' || config.readStore === 'embedded';
  // The database shares the process: the JavaScript heap collects before it has grown far past
  // what it holds (a replay's garbage otherwise stays in the peak RSS).
  if (isEmbedded) limitJsHeapGrowth(config.embeddedHeapGrowthPercent ?? DEFAULT_EMBEDDED_HEAP_GROWTH_PERCENT);
  // The first opener of the embedded database starts it with the memory settings; both stores share it.
  const embedded = isEmbedded
    ? await PgliteSqlClient.open(embeddedDatabaseDir(config.dataDir), {
        sharedBuffers: config.embeddedSharedBuffers ?? DEFAULT_PGLITE_MEMORY.sharedBuffers,
        statisticsTarget: config.embeddedStatisticsTarget ?? DEFAULT_PGLITE_MEMORY.statisticsTarget,
      })
    : undefined;
  try {
    return await openBothStores(config, options);
  } finally {
    // The stores hold their own references now (or failed to open).
    await embedded?.close();
  }
}

async function openBothStores(
  config: Pick<ServiceConfig, 'eventStore' | 'readStore' | 'dataDir'> &
    Partial<Pick<ServiceConfig, 'dataKey'>>,
  options: ServiceStoresOptions,
): Promise<ServiceStores> {
  const adapter = await openEventStore(config.eventStore, {
    dataDir: config.dataDir,
    upcasters: createUpcasterRegistry(),
    schema: options.schema,
  });
  let readStore: ReadStore;
  let privacy: PersonalDataEventStore | undefined;
  try {
    privacy = config.dataKey
      ? await withPersonalDataProtection(adapter, {
          ...config,
          dataKey: config.dataKey,
          schema: options.schema,
        })
      : undefined;
    readStore = await openReadStore(config.readStore, {
      dataDir: config.dataDir,
      schema: options.schema,
      eventStreams: sharesEventStoreDatabase(config),
    });
  } catch (error) {
    await (privacy ?? adapter).close();
    throw error;
  }
  const eventStore = privacy ?? adapter;
  return {
    eventStore,
    readStore,
    privacy,
    close: async () => {
      await readStore.close();
      await eventStore.close();
    },
  };
}

/**
 * Whether the read store's database and schema hold the SQL event store's tables: both settings
 * name the same SQL database (embedded: the one PGlite database in DATA_DIR/pglite; the same
 * postgres:// URL, where both stores take the same `schema`). The read store may then read a
 * stream's revision with the session (the portal guard's lockout check); any doubt says no, and the
 * guard reads the event store instead.
 */
function sharesEventStoreDatabase(
  config: Pick<ServiceConfig, 'eventStore' | 'readStore' | 'dataDir'>,
): boolean {
  if (config.eventStore !== config.readStore) return false;
  // Without a DATA_DIR each embedded opener gets a database of its own, in memory.
  if (config.eventStore === 'embedded') return embeddedDatabaseDir(config.dataDir) !== undefined;
  return /^postgres(ql)?:\/\//.test(config.eventStore);
}

async function openInMemoryStores(dataKey: string | undefined): Promise<ServiceStores> {
  const client: SqlClient = await PgliteSqlClient.open();
  try {
    const adapter = await SqlEventStore.open(client, createUpcasterRegistry());
    const privacy = dataKey
      ? await withPersonalDataProtection(adapter, {
          eventStore: 'embedded',
          readStore: 'embedded',
          dataDir: '',
          dataKey,
          sharedClient: client,
        })
      : undefined;
    const eventStore = privacy ?? adapter;
    // The event store owns the shared client: it closes it, after the read store let go.
    const readStore = await SqlReadStore.open(client, { ownsClient: false, eventStreams: true });
    return {
      eventStore,
      readStore,
      privacy,
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
